using GraphQL.Types;

namespace WelfareGraph.Labels;

public sealed class LanguageGraphType : EnumerationGraphType<Language>
{
    public LanguageGraphType()
    {
        Name = "Language";
        Description = "The language of a label: FA (Persian) or EN (English).";
    }
}
