using System.Globalization;
using CivicGrid.Modules.Cases.Live;
using CivicGrid.Shared;

namespace CivicGrid.Web.Components.Pages.Cases;

/// <summary>
/// Keeps a case page current without a reload: at once when this instance commits a change to a case the page's user can
/// see (<see cref="CaseFeed"/>), and every <see cref="Period"/> for changes committed through other instances. Bursts
/// collapse into one refresh at a time. Start it once the circuit is interactive; dispose it with the page.
/// </summary>
public sealed class CaseRefresh : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    readonly CaseFeed _feed;
    readonly DataScope _scope;
    readonly Func<CaseChange, bool> _concerns;
    readonly Func<Func<Task>, Task> _invoke;
    readonly Func<Task> _refresh;
    readonly ILogger _log;
    readonly Timer _timer;
    // The page's language, read in the circuit: the refresh runs without the circuit's context (below), and would
    // otherwise render in the server's default culture, Chinese, on an English page.
    readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;
    bool _running, _again, _disposed;

    /// <param name="scope">The page user's scope, read once in the circuit (so is its language): the feed calls back on the publisher's thread.</param>
    /// <param name="invoke">The component's <c>InvokeAsync</c>, so the refresh runs on its renderer.</param>
    public CaseRefresh(CaseFeed feed, DataScope scope, Func<Func<Task>, Task> invoke, Func<Task> refresh, ILogger log,
        Func<CaseChange, bool>? concerns = null)
    {
        (_feed, _scope, _invoke, _refresh, _log, _concerns) = (feed, scope, invoke, refresh, log, concerns ?? (_ => true));
        using (ExecutionContext.SuppressFlow()) _timer = new Timer(_ => Fire(), null, Period, Period);
        feed.Changed += OnChanged;
    }

    void OnChanged(CaseChange change)
    {
        if (change.IsVisibleTo(_scope) && _concerns(change)) Fire();
    }

    void Fire()
    {
        if (_disposed) return;
        // The publisher may be another caller's HTTP request: nothing of its context (its HttpContext, hence its user)
        // may flow into this circuit's work.
        using (ExecutionContext.SuppressFlow()) _ = Task.Run(() => _invoke(RefreshOnce));
    }

    async Task RefreshOnce()
    {
        if (_running) { _again = true; return; }
        _running = true;
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
        try
        {
            do { _again = false; if (!_disposed) await _refresh(); } while (_again && !_disposed);
        }
        catch (Exception e) when (!_disposed) { _log.LogWarning(e, "Refreshing a case page failed"); }
        catch (Exception) { } // the page closed meanwhile
        finally { _running = false; }
    }

    public void Dispose()
    {
        _disposed = true;
        _feed.Changed -= OnChanged;
        _timer.Dispose();
    }
}
