namespace CivicGrid.Shared;

/// <summary>A page of a list: total count, page number (1-based), size and the rows.</summary>
public sealed record Paged<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items);

public readonly record struct Paging(int Page, int Size)
{
    public const int MaxSize = 200;
    public int Skip => (Page - 1) * Size;

    public static Paging Of(int? page, int? size) =>
        new(Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(size ?? 20, 1, MaxSize));

    /// <summary>Far past any list, and low enough that <see cref="Skip"/> cannot overflow into a negative offset.</summary>
    public const int MaxPage = int.MaxValue / MaxSize;
}
