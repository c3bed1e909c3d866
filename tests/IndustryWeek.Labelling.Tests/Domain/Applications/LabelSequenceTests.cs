using IndustryWeek.Labelling.Domain.Applications;

namespace IndustryWeek.Labelling.Tests.Domain.Applications;

public sealed class LabelSequenceTests
{
    [Fact]
    public void Next_WhenNewEdition_StartsAtOneWithTheYear()
    {
        var sequence = LabelSequence.Start(Guid.NewGuid(), 2020);

        Assert.Equal("SDI-2020-000001", sequence.Next());
    }

    [Fact]
    public void Next_WhenCalledAgain_GivesTheFollowingNumber()
    {
        var sequence = LabelSequence.Start(Guid.NewGuid(), 2020);
        sequence.Next();

        Assert.Equal("SDI-2020-000002", sequence.Next());
    }

    [Fact]
    public void Next_WhenEditionsDiffer_EachHasItsOwnNumbers()
    {
        var edition2020 = LabelSequence.Start(Guid.NewGuid(), 2020);
        var edition2021 = LabelSequence.Start(Guid.NewGuid(), 2021);
        edition2020.Next();

        Assert.Equal("SDI-2021-000001", edition2021.Next());
    }
}
