namespace DeepFm.Notebook.Data;

/// <summary>How far a download has got: bytes received and, when the server says, the total.</summary>
public readonly record struct DownloadProgress(long BytesReceived, long? TotalBytes)
{
    /// <summary>Fraction done in 0..1, or null when the total is unknown.</summary>
    public double? Fraction => TotalBytes is > 0 ? (double)BytesReceived / TotalBytes.Value : null;

    /// <inheritdoc />
    public override string ToString() => TotalBytes is long total
        ? $"{BytesReceived / 1e6:F1} of {total / 1e6:F1} MB ({Fraction:P0})"
        : $"{BytesReceived / 1e6:F1} MB";
}
