using FluentValidation;
using IndustryWeek.Shared.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IndustryWeek.Shared.Web;

/// <summary>Shows a command's failures on a form: validation failures next to their fields, business failures at the top.</summary>
public static class PageErrors
{
    /// <param name="fieldKey">Maps a command's property path ("HeadlineWeek.End") to the form's field key.</param>
    public static void AddValidationErrors(this ModelStateDictionary modelState, ValidationException exception, Func<string, string> fieldKey)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(fieldKey);
        foreach (var failure in exception.Errors)
        {
            modelState.AddModelError(fieldKey(failure.PropertyName), failure.ErrorMessage);
        }
    }

    /// <summary>
    /// Sends a form's command: on failure its messages are on the form (validation ones under their
    /// fields, business ones at the top) and the answer is null.
    /// </summary>
    public static async Task<T?> SendFormAsync<T>(this ModelStateDictionary modelState, Func<Task<Result<T>>> send, Func<string, string> fieldKey)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(send);
        modelState.Clear(); // the command's validator gives the messages, in French
        try
        {
            var result = await send();
            if (result.IsSuccess)
            {
                return result.Value;
            }

            modelState.AddError(result.Error!);
        }
        catch (ValidationException e)
        {
            modelState.AddValidationErrors(e, fieldKey);
        }

        return null;
    }

    public static void AddError(this ModelStateDictionary modelState, Error error)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(error);
        modelState.AddModelError(string.Empty, error.Message);
    }

    /// <summary>The first message for a field, for the DSFR « fr-error-text » under it.</summary>
    public static string? ErrorFor(this ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    }
}
