namespace PrecisionCloud.Mec.Platform;

/// <summary>Completes once the platform has loaded its state and resumed its outbox; requests wait for it.</summary>
internal sealed class MecPlatformReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public void Ready() => _ready.TrySetResult();

    public void Failed(Exception error) => _ready.TrySetException(error);

    public Task WaitAsync(CancellationToken cancellationToken) => IsReady ? Task.CompletedTask : _ready.Task.WaitAsync(cancellationToken);
}
