using System.Text.Json;
using System.Text.Json.Serialization;
using ReviewPulse.Core.Reviews;

namespace ReviewPulse.Api.Catalogue;

/// <summary>The brands the local app starts with (embedded <c>brands.json</c>); scraped brands join them in the store.</summary>
public static class BrandCatalogue
{
    public static IReadOnlyList<Brand> Load()
    {
        using var stream = typeof(BrandCatalogue).Assembly.GetManifestResourceStream("brands.json")
            ?? throw new InvalidOperationException("The embedded brand catalogue is missing.");
        return JsonSerializer.Deserialize(stream, CatalogueJson.Default.ListBrand) ?? [];
    }
}

/// <summary>Source-generated JSON for the catalogue.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<Brand>))]
internal sealed partial class CatalogueJson : JsonSerializerContext;
