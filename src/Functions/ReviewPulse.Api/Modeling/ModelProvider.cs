using ReviewPulse.Core.Modeling;
using ReviewPulse.Storage.Models;

namespace ReviewPulse.Api.Modeling;

/// <summary>
/// Holds the live model and swaps in a newly published one without failing requests in flight: the old session is
/// disposed only after a grace period. A failed load keeps the previous model and records the reason for /ready.
/// </summary>
public sealed partial class ModelProvider(IModelSource source, ILogger<ModelProvider> logger) : IDisposable
{
    private static readonly TimeSpan DisposeGrace = TimeSpan.FromSeconds(30);
    private volatile State _state = new(null, null, "the model has not been loaded yet");

    public SentimentModel? Current => _state.Model;

    /// <summary>Why there is no model, or why the last refresh failed (null when all is well).</summary>
    public string? Error => _state.Error;

    public string Source => source.Description;

    public async Task RefreshAsync(CancellationToken ct)
    {
        var state = _state;
        try
        {
            var tag = await source.CurrentTagAsync(ct);
            if (tag == state.Tag && state.Model is not null)
            {
                return;
            }
            var directory = await source.FetchAsync(tag, ct);
            var model = SentimentModel.Load(directory);
            _state = new State(model, tag, null);
            LogLoaded(model.Manifest.Version, source.Description);
            if (state.Model is { } old)
            {
                _ = Task.Delay(DisposeGrace, CancellationToken.None).ContinueWith(_ => old.Dispose(), TaskScheduler.Default);
            }
        }
        catch (Exception e) when (e is ModelLoadException or IOException or Amazon.Runtime.AmazonServiceException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            _state = state with { Error = e.Message };
            LogFailed(source.Description, e.Message);
        }
    }

    public void Dispose() => _state.Model?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Version} loaded from {Source}")]
    private partial void LogLoaded(string version, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model from {Source} could not be loaded: {Reason}")]
    private partial void LogFailed(string source, string reason);

    private sealed record State(SentimentModel? Model, string? Tag, string? Error);
}

/// <summary>Loads the model before the first request, then looks for a newer one periodically.</summary>
public sealed class ModelRefresher(ModelProvider provider, Microsoft.Extensions.Options.IOptions<Configuration.ReviewPulseOptions> options) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await provider.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.Model.RefreshSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await provider.RefreshAsync(stoppingToken);
        }
    }
}
