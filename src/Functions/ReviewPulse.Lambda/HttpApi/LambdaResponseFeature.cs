using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ReviewPulse.Lambda.HttpApi;

/// <summary>Response status and headers of one invocation, running OnStarting/OnCompleted callbacks like a real server.</summary>
internal sealed class LambdaResponseFeature : IHttpResponseFeature
{
    private readonly List<(Func<object, Task> Callback, object State)> _starting = [];
    private readonly List<(Func<object, Task> Callback, object State)> _completed = [];

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public string? ReasonPhrase { get; set; }

    public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

    [Obsolete("Use IHttpResponseBodyFeature.")]
    public Stream Body { get; set; } = Stream.Null;

    public bool HasStarted { get; private set; }

    public void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

    public void OnCompleted(Func<object, Task> callback, object state) => _completed.Add((callback, state));

    /// <summary>Runs OnStarting callbacks (last registered first, as Kestrel does) once, before headers are read.</summary>
    public async Task StartAsync()
    {
        if (HasStarted)
        {
            return;
        }
        HasStarted = true;
        for (var i = _starting.Count - 1; i >= 0; i--)
        {
            await _starting[i].Callback(_starting[i].State);
        }
    }

    public async Task CompleteAsync()
    {
        for (var i = _completed.Count - 1; i >= 0; i--)
        {
            await _completed[i].Callback(_completed[i].State);
        }
    }
}
