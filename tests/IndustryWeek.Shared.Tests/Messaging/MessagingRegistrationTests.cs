using FluentValidation;
using IndustryWeek.Shared.Messaging;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared.Tests.Messaging;

/// <summary>A module's handlers and request validators, registered from its assembly: each error said once, in French.</summary>
public sealed class MessagingRegistrationTests
{
    [Fact]
    public async Task Send_WithAnInvalidRequest_FailsOnceWithTheRequestValidatorsFrenchMessages()
    {
        await using var services = new ServiceCollection().AddHandlersFrom(typeof(MessagingRegistrationTests).Assembly).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => mediator.Send(new RenameCommand(new Naming(""))));

        // The part's validator runs once, through the request's: not a second time on its own.
        var failure = Assert.Single(refused.Errors);
        Assert.Equal("Name.Value", failure.PropertyName);
        Assert.Contains("ne doit pas être vide", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(scope.ServiceProvider.GetServices<IValidator<Naming>>());
        Assert.Equal("Nouveau nom", await mediator.Send(new RenameCommand(new Naming("Nouveau nom"))));
    }
}

internal sealed record Naming(string Value);

internal sealed record RenameCommand(Naming Name) : IRequest<string>;

internal sealed class NamingValidator : AbstractValidator<Naming>
{
    public NamingValidator() => RuleFor(n => n.Value).NotEmpty();
}

internal sealed class RenameCommandValidator : AbstractValidator<RenameCommand>
{
    public RenameCommandValidator() => RuleFor(c => c.Name).SetValidator(new NamingValidator());
}

internal sealed class RenameCommandHandler : IRequestHandler<RenameCommand, string>
{
    public Task<string> Handle(RenameCommand request, CancellationToken cancellationToken) => Task.FromResult(request.Name.Value);
}
