using IndustryWeek.Shared.Mail;

namespace IndustryWeek.Shared.Tests.Mail;

public sealed class MailHtmlTests
{
    private const string Text = """
        Bonjour,

        Un modérateur vous demande des modifications :

        « Précisez <les> publics & les horaires. »

        Vérification automatique :
        - Gratuit : rempli.
        - Ouvert au public : non rempli.

        Modifier l'événement : https://semaine-industrie.example.fr/mon-espace/evenements/1/modifier

        La page publique : https://semaine-industrie.example.fr/evenements/1 (visible sur la carte).
        L'équipe de la Semaine de l'industrie
        """;

    [Fact]
    public void Render_WhenTheTextHasParagraphsAListAndLinks_TheHtmlSaysTheSameInFrenchWithAButton()
    {
        var html = MailHtml.Render("Des modifications sont demandées", Text);

        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains(">Des modifications sont demandées</h1>", html);
        Assert.Contains("<p>Bonjour,</p>", html);
        Assert.Contains("<p>« Précisez &lt;les&gt; publics &amp; les horaires. »</p>", html);
        Assert.Contains("<p>Vérification automatique :</p>\n<ul>\n<li>Gratuit : rempli.</li>\n<li>Ouvert au public : non rempli.</li>\n</ul>", html);
        Assert.Contains("<a href=\"https://semaine-industrie.example.fr/mon-espace/evenements/1/modifier\" style=\"display:inline-block;padding:8px 16px;background:#000091;color:#ffffff;text-decoration:none;font-weight:bold\">Modifier l&#39;événement</a>", html);
        Assert.Contains("La page publique : <a href=\"https://semaine-industrie.example.fr/evenements/1\" style=\"color:#000091\">https://semaine-industrie.example.fr/evenements/1</a> (visible sur la carte).<br>\nL&#39;équipe", html);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }

    [Fact]
    public void OutgoingMail_HtmlBody_IsRenderedFromItsSubjectAndText()
    {
        var mail = new OutgoingMail("a@b.fr", "Sujet <court>", "Bonjour,\n\nVoir : https://exemple.fr/page");

        Assert.Equal(MailHtml.Render("Sujet <court>", "Bonjour,\n\nVoir : https://exemple.fr/page"), mail.HtmlBody);
        Assert.Contains("<title>Sujet &lt;court&gt;</title>", mail.HtmlBody);
    }
}
