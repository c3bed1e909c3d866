namespace IndustryWeek.Registration.Domain.Organisations;

/// <summary>The SIRET of an establishment: 14 digits whose Luhn key is right (La Poste's own rule excepted).</summary>
internal static class Siret
{
    /// <summary>La Poste's establishments share SIREN 356 000 000; their SIRET digits add up to a multiple of 5.</summary>
    private const string LaPosteSiren = "356000000";

    public static string Normalize(string siret) => new([.. siret.Where(c => !char.IsWhiteSpace(c))]);

    public static bool IsValid(string? siret)
    {
        if (siret is null)
        {
            return false;
        }

        var digits = Normalize(siret);
        if (digits.Length != 14 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (digits.StartsWith(LaPosteSiren, StringComparison.Ordinal) && digits != "35600000000048")
        {
            return digits.Sum(c => c - '0') % 5 == 0;
        }

        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var digit = digits[13 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
