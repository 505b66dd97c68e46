using System.Text.Json;
using ReviewPulse.Scraper.Parsing;

// The scraper's command line. "parse FILE" prints one page as JSON (the interface outside checks use).
if (args is ["parse", var file])
{
    if (!File.Exists(file))
    {
        Console.Error.WriteLine($"error: '{file}' does not exist.");
        return 2;
    }
    try
    {
        var page = TrustpilotParser.Parse(File.ReadAllBytes(file));
        if (page.Kind == PageKind.NotFound)
        {
            Console.Error.WriteLine($"error: '{file}' is Trustpilot's \"not found\" page: the company does not exist (not a company without reviews).");
            return 3;
        }
        Console.WriteLine(JsonSerializer.Serialize(page, ScraperJson.Default.TrustpilotPage));
        return 0;
    }
    catch (UnsupportedPageException e)
    {
        Console.Error.WriteLine($"error: '{file}' cannot be used: {e.Message}");
        return 2;
    }
}
Console.Error.WriteLine("usage: ReviewPulse.Scraper parse FILE.html|FILE.json");
return 1;
