using StampSim.Models.Onnx;

namespace StampSim.Tests.Onnx;

public class TextSentencesTests
{
    [Fact]
    public void Headings_and_fragments_are_skipped_and_paragraphs_split_at_sentence_ends()
    {
        string text = " = Robert Boulter = \n\n Robert Boulter is an English actor. He had a guest role in 2000 ! \"It was good,\" he said later on.\n Too short.\n";
        var s = TextSentences.First(text, 10);
        Assert.Equal(["Robert Boulter is an English actor.", "He had a guest role in 2000 !", "\"It was good,\" he said later on."], s);
        Assert.Single(TextSentences.First(text, 1));
    }
}
