namespace KnowRec.Features.Import;

/// <summary>The outcome of <see cref="ItemVectorReader.Read"/>: the aligned vectors and counts of what did not fit.</summary>
/// <param name="Vectors">The source, named after the file stem, one row per dataset item; items without a row are absent.</param>
/// <param name="Rows">Well-formed rows read from the file.</param>
/// <param name="Matched">Rows whose id is a dataset item (by raw id or by <see cref="Data.Dataset.KeyOf"/>).</param>
/// <param name="UnknownIds">Rows whose id matches no item; they are left out.</param>
/// <param name="Skipped">Malformed rows (or repeated ids) skipped in lenient mode.</param>
public sealed record ItemVectorImport(ItemVectors Vectors, int Rows, int Matched, int UnknownIds, int Skipped);
