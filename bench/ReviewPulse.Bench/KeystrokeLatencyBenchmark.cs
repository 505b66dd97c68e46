using System.Text.Json;
using Microsoft.Playwright;

namespace ReviewPulse.Bench;

/// <summary>
/// Keystroke-to-gauge latency in a real browser: a paragraph is typed key by key into the visitor page (Debian's
/// Chromium, Playwright); for every keystroke, the time from its keydown to the first gauge update showing the text
/// including that key. Times are taken inside the page (performance.now()), so the driver adds nothing.
/// </summary>
internal static class KeystrokeLatencyBenchmark
{
    private const string Paragraph =
        "I ordered a sofa in March and it arrived two weeks late, scratched on one side. Customer service took a while " +
        "to answer but then offered a partial refund, which I accepted. The sofa itself is comfortable and looks great " +
        "in the living room, so overall I am fairly happy, although the delivery experience was frustrating.";

    private const string Observer = """
        () => {
          window.__keys = []; window.__updates = [];
          const box = document.getElementById('review-text');
          box.addEventListener('keydown', () => window.__keys.push(performance.now()), { capture: true });
          const gauge = document.getElementById('gauge');
          new MutationObserver(() => window.__updates.push({ t: performance.now(), text: gauge.dataset.text, score: gauge.dataset.score }))
            .observe(gauge, { attributes: true, attributeFilter: ['data-score', 'data-text'] });
        }
        """;

    private const string Latencies = """
        (paragraph) => window.__keys.map((t, i) => {
          const text = paragraph.slice(0, i + 1);
          const shown = window.__updates.find(u => u.t >= t && u.text === text && u.score !== '');
          return shown ? shown.t - t : -1;
        })
        """;

    public static async Task RunAsync(string url, int delayMs)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => document.getElementById('brand-name').textContent !== 'Loading a brand…'");
        await page.EvaluateAsync(Observer);
        await page.FocusAsync("#review-text");
        foreach (var key in Paragraph)
        {
            await page.Keyboard.TypeAsync(key.ToString());
            await Task.Delay(delayMs);
        }
        await page.WaitForTimeoutAsync(1000);
        var latencies = (await page.EvaluateAsync<JsonElement>(Latencies, Paragraph)).EnumerateArray().Select(e => e.GetDouble()).ToList();
        var shown = latencies.Where(l => l >= 0).Order().ToList();
        Console.WriteLine($"keystroke-to-gauge, {latencies.Count} keys, {delayMs} ms apart, Chromium {browser.Version}: " +
            $"p50 {Percentile(shown, 0.50):0.0} ms, p95 {Percentile(shown, 0.95):0.0} ms, max {shown.LastOrDefault():0.0} ms; " +
            $"{latencies.Count - shown.Count} keys superseded before their answer");
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
