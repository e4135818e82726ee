using Microsoft.Bot.Connector;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace ComplianceBot.Bot.Connector;

/// <summary>
/// An <see cref="IConnectorClient"/> made on first use: every member is the client <c>create</c> gives, made once, the
/// first time any member is read; disposing disposes that client when there is one. The SDK's factories complete
/// synchronously (credentials are objects; tokens are fetched when a request is sent), so reading a member waits for
/// no I/O.
/// </summary>
public sealed class DeferredConnectorClient : IConnectorClient
{
    private readonly Lazy<IConnectorClient> _client;

    /// <summary>Makes the client with <paramref name="create"/> when it is first used.</summary>
    public DeferredConnectorClient(Func<Task<IConnectorClient>> create) =>
        _client = new Lazy<IConnectorClient>(() => create().GetAwaiter().GetResult(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True once the client was made (a member was used).</summary>
    public bool IsCreated => _client.IsValueCreated;

    /// <inheritdoc />
    public Uri BaseUri
    {
        get => _client.Value.BaseUri;
        set => _client.Value.BaseUri = value;
    }

    /// <inheritdoc />
    public JsonSerializerSettings SerializationSettings => _client.Value.SerializationSettings;

    /// <inheritdoc />
    public JsonSerializerSettings DeserializationSettings => _client.Value.DeserializationSettings;

    /// <inheritdoc />
    public ServiceClientCredentials Credentials => _client.Value.Credentials;

    /// <inheritdoc />
    public IAttachments Attachments => _client.Value.Attachments;

    /// <inheritdoc />
    public IConversations Conversations => _client.Value.Conversations;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}
