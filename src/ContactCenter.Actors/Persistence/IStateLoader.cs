namespace ContactCenter.Actors.Persistence;

/// <summary>State that must be read before a grain's OnActivateAsync.</summary>
internal interface IStateLoader
{
    Task LoadAsync(CancellationToken cancellationToken);
}
