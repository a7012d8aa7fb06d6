using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Shared;

/// <summary>An expected failure: a stable code clients can rely on, a Chinese message for people, an HTTP status.</summary>
public sealed record Error(string Code, string Message, int Status = StatusCodes.Status422UnprocessableEntity)
{
    public static Error Validation(string code, string message) => new(code, message, StatusCodes.Status422UnprocessableEntity);
    public static Error Conflict(string code, string message) => new(code, message, StatusCodes.Status409Conflict);
    public static Error NotFound(string code, string message) => new(code, message, StatusCodes.Status404NotFound);

    public static readonly Error StaleWrite = Conflict("concurrency.stale", "数据已被他人修改，请刷新后重试。");

    public ProblemHttpResult ToProblem(IDictionary<string, object?>? extensions = null)
    {
        var ext = new Dictionary<string, object?> { ["code"] = Code };
        if (extensions is not null) foreach (var (k, v) in extensions) ext[k] = v;
        return TypedResults.Problem(detail: Message, statusCode: Status, title: Code, extensions: ext);
    }
}

/// <summary>A value or an <see cref="Error"/>.</summary>
public readonly struct Result<T>
{
    readonly T? _value;
    public Error? Error { get; }
    public bool IsError => Error is not null;
    public T Value => IsError ? throw new InvalidOperationException($"Result is an error: {Error!.Code}") : _value!;

    Result(T? value, Error? error) { _value = value; Error = error; }

    public static implicit operator Result<T>(T value) => new(value, null);
    /// <summary>For interface-typed values, which C# does not convert implicitly.</summary>
    public static Result<T> Ok(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
}
