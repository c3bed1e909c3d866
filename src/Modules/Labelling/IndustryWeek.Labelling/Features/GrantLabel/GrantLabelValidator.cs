using FluentValidation;

namespace IndustryWeek.Labelling.Features.GrantLabel;

internal sealed class GrantLabelValidator : AbstractValidator<GrantLabelCommand>
{
    public GrantLabelValidator()
    {
        RuleFor(c => c.Comment).MaximumLength(2000).WithName("Commentaire");
    }
}
