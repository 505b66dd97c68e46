using BenchmarkDotNet.Running;
using ReviewPulse.Bench;

Environment.SetEnvironmentVariable("ORT_DISABLE_TELEMETRY", "1");
string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
switch (args.FirstOrDefault())
{
    case "train-step":
        TrainStepBenchmark.Run(Arg("--preset", "tutorial"), int.Parse(Arg("--batch", "64")), int.Parse(Arg("--threads", "2")), int.Parse(Arg("--steps", "8")));
        break;
    case "latency":
        LatencyBenchmark.Run(Arg("--model", "models/default"), args.Contains("--split") ? Arg("--split", "") : null, int.Parse(Arg("--threads", "1")), int.Parse(Arg("--n", "1000")));
        break;
    case "keystrokes":
        await KeystrokeLatencyBenchmark.RunAsync(Arg("--url", "http://127.0.0.1:5000/"), int.Parse(Arg("--delay-ms", "100")));
        break;
    case "parse":
        ParseThroughput.Run(Arg("--fixtures", "../shared/fixtures/trustpilot"), double.Parse(Arg("--seconds", "10"), System.Globalization.CultureInfo.InvariantCulture));
        break;
    case "crawl":
        await CrawlThroughput.RunAsync(int.Parse(Arg("--businesses", "20")), int.Parse(Arg("--reviews", "100")));
        break;
    case "gflops":
        GflopsProbe.Run(int.Parse(Arg("--size", "1024")), int.Parse(Arg("--threads", "2")));
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(GemmBenchmarks).Assembly).Run(args);
        break;
}
