using KnowRec.Models.Als;
using KnowRec.Models.Baseline;
using KnowRec.Models.Bpr;
using KnowRec.Models.Content;
using KnowRec.Models.Ease;
using KnowRec.Models.Factorization;
using KnowRec.Models.Graph;
using KnowRec.Models.Hybrid;
using KnowRec.Models.Knn;
using KnowRec.Models.KnowledgeAware;
using KnowRec.Models.Neural;
using KnowRec.Models.Popularity;
using KnowRec.Models.Random;
using KnowRec.Models.Sequential;
using KnowRec.Storage;

namespace KnowRec.Models;

/// <summary>Every model kind KnowRec knows, in one readable list. The CLI, the server and model files all go through it.</summary>
public static class ModelCatalog
{
    /// <summary>All kinds, in the order listings show them.</summary>
    public static IReadOnlyList<ModelEntry> Entries { get; } =
    [
        ModelEntry.Create<PopularityOptions>(PopularityModel.KindName, "Most popular items (count of users); the non-personalised floor", PopularityModel.Fit, PopularityModel.Load),
        ModelEntry.Create<RandomOptions>(RandomModel.KindName, "Random order, fixed per seed and user; the chance-level floor", RandomModel.Fit, RandomModel.Load),
        ModelEntry.Create<BaselineOptions>(BaselineModel.KindName, "Rating baseline μ + b_u + b_i (Koren 2010, eq. 2), ALS or SGD", BaselineModel.Fit, BaselineModel.Load, predictsRatings: true),
        ModelEntry.Create<KnnBaselineOptions>(KnnBaselineModel.KindName, "Neighbourhood on baselines, shrunk Pearson-baseline similarity (Koren 2010, eq. 3; Surprise KNNBaseline)", KnnBaselineModel.Fit, KnnBaselineModel.Load, predictsRatings: true),
        ModelEntry.Create<KnnOptions>(ItemKnnModel.KindName, "Item-based kNN top-N: Σ over history of similarity × value (cosine, Pearson or adjusted cosine; TF-IDF/BM25)", ItemKnnModel.Fit, ItemKnnModel.Load),
        ModelEntry.Create<KnnOptions>(UserKnnModel.KindName, "User-based kNN top-N: Σ over the k nearest users of similarity × value", UserKnnModel.Fit, UserKnnModel.Load),
        ModelEntry.Create<EaseOptions>(EaseModel.KindName, "EASE: closed-form item × item autoencoder (Steck 2019); strong on dense catalogues under ~20k items", EaseModel.Fit, EaseModel.Load),
        ModelEntry.Create<SvdOptions>(SvdModel.KindName, "Biased matrix factorisation by SGD (Funk SVD; Koren, Bell, Volinsky 2009); predicts ratings", SvdModel.Fit, SvdModel.Load, predictsRatings: true),
        ModelEntry.Create<SvdppOptions>(SvdppModel.KindName, "SVD++: biased MF plus implicit feedback of which items each user rated (Koren 2008); predicts ratings", SvdppModel.Fit, SvdppModel.Load, predictsRatings: true),
        ModelEntry.Create<AlsOptions>(AlsModel.KindName, "Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren, Volinsky 2008)", AlsModel.Fit, AlsModel.Load),
        ModelEntry.Create<BprOptions>(BprModel.KindName, "Bayesian personalised ranking matrix factorisation by SGD (Rendle et al. 2009)", BprModel.Fit, BprModel.Load),
        ModelEntry.Create<LightGcnOptions>(LightGcnModel.KindName, "LightGCN: embeddings smoothed over the user–item graph, BPR loss, Adam (He et al. 2020)", LightGcnModel.Fit, LightGcnModel.Load),
        ModelEntry.Create<KgatOptions>(KgatModel.KindName, "KGAT: attentive propagation over the collaborative knowledge graph, BPR + TransR (Wang et al. 2019); needs --kg", KgatModel.Fit, KgatModel.Load),
        ModelEntry.Create<KginOptions>(KginModel.KindName, "KGIN: user intents over relations, relational path-aware aggregation, BPR + independence (Wang et al. 2021); needs --kg", KginModel.Fit, KginModel.Load),
        ModelEntry.Create<NcfOptions>(NcfModel.KindName, "Neural collaborative filtering, NeuMF = GMF + MLP (He et al. 2017), BCE over sampled negatives, Adam", NcfModel.Fit, NcfModel.Load),
        ModelEntry.Create<BilinearOptions>(BilinearModel.KindName, "Bilinear f(u,i) = σ(uᵀWi + b_i) over learned user/item vectors, BPR or BCE, Adam", BilinearModel.Fit, BilinearModel.Load),
        ModelEntry.Create<TwoTowerOptions>(TwoTowerModel.KindName, "Two-tower retrieval: user and item towers over ids plus genres/attributes or given features, sampled softmax (Yi et al. 2019)", TwoTowerModel.Fit, TwoTowerModel.Load),
        ModelEntry.Create<HybridOptions>(HybridModel.KindName, "Hybrid two-tower: item tower fuses the id with every item vector source (text, knowledge, kg, genres, imported) by concat/weighted/attention/gated fusion; scores cold items from their modalities", HybridModel.Fit, HybridModel.Load),
        ModelEntry.Create<KarOptions>(KarModel.KindName, "KAR (Xi et al. 2023): item knowledge and user preference vectors through a hybrid-expert adaptor into a two-tower or NeuMF backbone; needs a knowledge or text item vector source", KarModel.Fit, KarModel.Load),
        ModelEntry.Create<CkeOptions>(CkeModel.KindName, "CKE: item vector = offset + TransR entity embedding, BPR and TransR trained jointly (Zhang et al. 2016); needs --kg", CkeModel.Fit, CkeModel.Load),
        ModelEntry.Create<ContentKnnOptions>(ContentKnnModel.KindName, "Content kNN: cosine of a user's rating/recency-weighted profile and each item's text vector; tfidf-lsa over item text unless a 'text' source is attached", ContentKnnModel.Fit, ContentKnnModel.Load),
        ModelEntry.Create<SasRecOptions>(SasRecModel.KindName, "SASRec: causal self-attention over each user's time-ordered history, next-item BCE (Kang & McAuley 2018)", SasRecModel.Fit, SasRecModel.Load),
    ];

    /// <summary>The entry for a kind.</summary>
    /// <exception cref="ArgumentException">The kind is unknown; the message lists the known kinds.</exception>
    public static ModelEntry Get(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Entries.FirstOrDefault(e => string.Equals(e.Kind, kind, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown model '{kind}'. Known models: {string.Join(", ", Entries.Select(e => e.Kind))}.", nameof(kind));
    }

    /// <summary>Reads any model file, dispatching on the kind stored in it.</summary>
    /// <exception cref="InvalidDataException">The file is damaged or of an unknown kind.</exception>
    public static IRecommender Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        var entry = Entries.FirstOrDefault(e => e.Kind == reader.Kind)
            ?? throw new InvalidDataException($"Model file holds unknown kind '{reader.Kind}'.");
        return entry.Load(reader);
    }
}
