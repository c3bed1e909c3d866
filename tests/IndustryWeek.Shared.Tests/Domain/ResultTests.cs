using IndustryWeek.Shared.Domain;

namespace IndustryWeek.Shared.Tests.Domain;

public sealed class ResultTests
{
    [Fact]
    public void Success_WhenGivenAValue_IsSuccessfulAndCarriesIt()
    {
        var result = Result<string>.Success("SDI-2020-000001");

        Assert.True(result.IsSuccess);
        Assert.Null(result.Error);
        Assert.Equal("SDI-2020-000001", result.Value);
    }

    [Fact]
    public void Failure_WhenGivenAnError_IsNotSuccessfulAndCarriesIt()
    {
        var error = Error.NotFound("application.not_found", "Aucune demande de labellisation pour cet événement.");

        var result = Result<string>.Failure(error);

        Assert.False(result.IsSuccess);
        Assert.Same(error, result.Error);
    }

    [Fact]
    public void Value_WhenFailure_ThrowsNamingTheErrorCode()
    {
        Result<string> result = Error.Conflict("application.already_granted", "Cet événement est déjà labellisé.");

        var thrown = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Contains("application.already_granted", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImplicitConversion_WhenFromValue_IsSuccess()
    {
        Result<int> result = 42;

        Assert.True(result.IsSuccess);
        Assert.Equal(42, result.Value);
    }

    [Fact]
    public void ImplicitConversion_WhenFromError_IsFailure()
    {
        Result<int> result = Error.Forbidden("application.other_region", "Cette demande relève d'une région que vous ne modérez pas.");

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
    }

    [Fact]
    public void ErrorFactories_WhenCalled_KeepCodeMessageAndKind()
    {
        Assert.Equal(new Error("a", "b", ErrorKind.NotFound), Error.NotFound("a", "b"));
        Assert.Equal(new Error("a", "b", ErrorKind.Forbidden), Error.Forbidden("a", "b"));
        Assert.Equal(new Error("a", "b", ErrorKind.Conflict), Error.Conflict("a", "b"));
        Assert.Equal(new Error("a", "b", ErrorKind.BusinessRule), Error.BusinessRule("a", "b"));
    }
}
