namespace KnowRec.Features.Text.Onnx;

/// <summary>A pretrained model on the Hugging Face Hub and the files <c>knowrec models pull</c> fetches for it.</summary>
/// <param name="Name">Short name, also the folder it is saved in (e.g. <c>all-MiniLM-L6-v2</c>).</param>
/// <param name="Repository">Hub repository, e.g. <c>sentence-transformers/all-MiniLM-L6-v2</c>.</param>
/// <param name="Revision">Branch, tag or commit to download from.</param>
/// <param name="Files">Paths inside the repository, each with its SHA-256 when pinned here.</param>
public sealed record PretrainedModel(string Name, string Repository, string Revision, IReadOnlyList<PretrainedFile> Files)
{
    /// <summary>The address of <paramref name="file"/> under <paramref name="endpoint"/> (<c>https://huggingface.co</c> or a mirror).</summary>
    public Uri UrlOf(Uri endpoint, PretrainedFile file)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(file);
        return new Uri($"{endpoint.AbsoluteUri.TrimEnd('/')}/{Repository}/resolve/{Revision}/{file.Path}");
    }
}

/// <summary>One file of a <see cref="PretrainedModel"/>.</summary>
/// <param name="Path">Path inside the repository and inside the local folder, with <c>/</c> separators.</param>
/// <param name="Sha256">Pinned hex digest, or null to take the one the Hub sends for large (LFS) files.</param>
public sealed record PretrainedFile(string Path, string? Sha256);
