namespace ReviewPulse.Core.Reviews;

/// <summary>A reviewable business, identified by its domain (e.g. <c>example.com</c>).</summary>
public sealed record Brand(string Id, string Name, string Category, string? LogoUrl = null)
{
    /// <summary>The brand's website.</summary>
    public string Website => $"https://{Id}/";
}

/// <summary>A brand with what visitors said about it.</summary>
public sealed record BrandSummary(Brand Brand, long ReviewCount, double? MeanRating);
