namespace KnowRec.Data.Download;

/// <summary>An official dataset archive and the checksums that prove a download is the real thing.</summary>
/// <param name="Name">Dataset name, e.g. <c>ml-100k</c>; also the folder it unpacks into.</param>
/// <param name="Url">The publisher's archive address.</param>
/// <param name="ArchiveMd5">MD5 of the archive as the publisher lists it, or null when none is published.</param>
/// <param name="FileSha256">SHA-256 of files inside the archive (path relative to the dataset folder → hex digest).</param>
public sealed record DownloadSource(string Name, Uri Url, string? ArchiveMd5, IReadOnlyDictionary<string, string> FileSha256);
