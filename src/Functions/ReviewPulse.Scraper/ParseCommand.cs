using System.Text.Json;
using ReviewPulse.Scraper.Parsing;

namespace ReviewPulse.Scraper;

/// <summary>`parse FILE`: the page as JSON on stdout; exit 2 for unusable pages, 3 for "not found".</summary>
internal static class ParseCommand
{
    public static int Run(string file)
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
}
