using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// A form's errors for its summary, in the form's order. The model state lists its keys alphabetically
/// (Audiences before Title); a form that gives its fields' order (<c>ViewData["FieldOrder"]</c>) gets its summary
/// in that order, rows of a list (Sessions[0].Date, Sessions[1].Date) by row. Errors without a field come first.
/// </summary>
public static class FormErrors
{
    public static IReadOnlyList<(string Key, string Message)> Ordered(ModelStateDictionary modelState, IReadOnlyList<string>? fieldOrder)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var errors = modelState.Where(e => e.Value?.Errors.Count > 0).SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x.ErrorMessage))).ToList();
        if (fieldOrder is null)
        {
            return errors;
        }

        return [.. errors.OrderBy(e => Rank(e.Key, fieldOrder)).ThenBy(e => Row(e.Key)).ThenBy(e => Rank(Field(e.Key), fieldOrder))];
    }

    // Where the key's field (its part before any « [ », or the whole key) comes in the form; unknown keys last.
    private static int Rank(string key, IReadOnlyList<string> fieldOrder)
    {
        if (key.Length == 0)
        {
            return -1;
        }

        var field = key.Split('[', 2)[0];
        var index = fieldOrder.ToList().IndexOf(field);
        return index < 0 ? int.MaxValue : index;
    }

    private static int Row(string key) =>
        key.IndexOf('[', StringComparison.Ordinal) is var open and >= 0 && key.IndexOf(']', open) is var close and > 0
            && int.TryParse(key.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : -1;

    // A row's own field (« Date » of « Sessions[0].Date »), ranked by the same order.
    private static string Field(string key) => key.LastIndexOf('.') is var dot and >= 0 ? key[(dot + 1)..] : key;
}
