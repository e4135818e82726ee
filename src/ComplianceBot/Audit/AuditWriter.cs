using System.Threading.Channels;
using ComplianceBot.Reporting;
using ComplianceBot.Storage;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Audit;

/// <summary>
/// Writes audit records and unanswered questions to the store in the background, so a turn never waits for them: a
/// bounded queue (<see cref="AuditOptions.QueueCapacity"/>) worked by one writer that redacts the text
/// (<see cref="PersonalDataRedactor"/>) and writes what has accumulated in one batch. On graceful shutdown it stops
/// taking new records and writes everything queued before the host exits.
/// </summary>
public sealed class AuditWriter : IHostedService
{
    private const int MaxBatch = 500;
    private readonly Channel<PendingWrite> _queue;
    private readonly BotStore _store;
    private readonly AuditOptions _options;
    private readonly int _maxUnansweredLength;
    private readonly ILogger<AuditWriter> _logger;
    private Task _worker = Task.CompletedTask;
    private long _dropped;

    /// <summary>Creates the writer over <paramref name="store"/>.</summary>
    public AuditWriter(BotStore store, IOptions<AuditOptions> options, IOptions<UnansweredOptions> unanswered, ILogger<AuditWriter> logger)
    {
        _store = store;
        _options = options.Value;
        _maxUnansweredLength = unanswered.Value.MaxTextLength;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full: the turn goes on, the drop is logged
        });
    }

    /// <summary>Records not written because the queue was full or the writer had stopped.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues an audit record whose <see cref="AuditRecord.Text"/> is still the message as typed (redacted here, off the turn).</summary>
    public void Enqueue(AuditRecord record) => Enqueue(new PendingWrite(record, null));

    /// <summary>Queues one occurrence of an unanswered question, as typed (redacted here).</summary>
    public void Enqueue(string typedText, string reasonCode, DateTimeOffset at) => Enqueue(new PendingWrite(null, new UnansweredEntry(typedText, reasonCode, at)));

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _worker = Task.Run(WorkAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking records and waits until every queued one is written (or <paramref name="cancellationToken"/>, the host's shutdown timeout, fires).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await _worker.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _logger.LogError("Shutdown timed out before the audit trail was written: about {Count} records were not kept", _queue.Reader.Count);
        }
    }

    private void Enqueue(PendingWrite write)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            var dropped = Interlocked.Increment(ref _dropped);
            _logger.LogError("Audit queue full or closed: a record was not kept ({Dropped} so far)", dropped);
        }
    }

    private async Task WorkAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<PendingWrite> batch)
    {
        var audit = new List<AuditRecord>();
        var unanswered = new List<UnansweredEntry>();
        foreach (var item in batch)
        {
            if (item.Audit is { } record)
            {
                audit.Add(record with { Text = record.Text is null ? null : Redact(record.Text, _options.MaxTextLength) });
            }

            if (item.Unanswered is { } entry && Redact(entry.Text, _maxUnansweredLength) is { Length: > 0 } text)
            {
                unanswered.Add(entry with { Text = text });
            }
        }

        try
        {
            await _store.AppendTurnRecordsAsync(audit, unanswered);
        }
        catch (Exception ex)
        {
            Interlocked.Add(ref _dropped, batch.Count);
            _logger.LogError(ex, "Could not write {Count} audit records and unanswered questions to {Store}", batch.Count, _store.Description);
        }
    }

    // On the text as typed (normalising first hides addresses), and only as much of it as can reach the stored text.
    private static string Redact(string typed, int maxLength) => PersonalDataRedactor.Redact(typed, maxLength);

    private sealed record PendingWrite(AuditRecord? Audit, UnansweredEntry? Unanswered);
}
