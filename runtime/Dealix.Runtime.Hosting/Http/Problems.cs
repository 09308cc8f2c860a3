using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Dealix.Runtime.Hosting.Http;

/// <summary>ProblemDetails responses (RFC 9457) for errors whose body Durable Functions does not define.</summary>
internal static class Problems
{
    public static IResult Of(int status, string title, string detail) =>
        Results.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });

    public static IResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, "One or more of the arguments submitted is incorrect", detail);

    public static IResult Unauthorized(string detail) => Of(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static IResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult Gone(string detail) => Of(StatusCodes.Status410Gone, "The instance has ended", detail);

    public static IResult Conflict(string detail) => Of(StatusCodes.Status409Conflict, "Conflict", detail);

    /// <summary>501: a feature of the Dealix engine asked of a provider that lacks it.</summary>
    public static IResult NotSupported(string detail) => Of(StatusCodes.Status501NotImplemented, "Not supported by this storage provider", detail);

    public static IResult TooLarge(long limit) =>
        Of(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The request body exceeds the limit of {limit} bytes (host.json extensions.http.maxRequestBodySize).");

    public static IResult ServerError() =>
        Of(StatusCodes.Status500InternalServerError, "Something went wrong while processing your request", "The error was logged; see the host log.");
}
