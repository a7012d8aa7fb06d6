namespace CivicGrid.Shared;

/// <summary>A row that belongs somewhere: it carries the area code where it happens, and data scope applies to it.</summary>
public interface IScoped
{
    string AreaCode { get; }
}

/// <summary>A row written by several people: <see cref="Version"/> is its optimistic concurrency token, bumped on every update.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
