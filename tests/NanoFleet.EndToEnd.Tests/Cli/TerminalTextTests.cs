using NanoFleet.Cli;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>What listings and error lines print for text nanofleet does not control.</summary>
    public sealed class TerminalTextTests
    {
        [Theory]
        [InlineData("sensor-1", "sensor-1")]
        [InlineData("a\nb\r\tc", @"a\nb\r\tc")]
        [InlineData("nul\0esc\u001b[2Jdel\u007fc1\u0085ls\u2028", @"nul\u0000esc\u001b[2Jdel\u007fc1\u0085ls\u2028")]
        [InlineData("ünïcode ✓", "ünïcode ✓")]
        public void Escape_ControlCharacters_PrintAsEscapes(string text, string expected) =>
            Assert.Equal(expected, TerminalText.Escape(text));

        [Theory]
        [InlineData("Argument 'dsa' not recognized. Must be one of:\n\t'rsa'\n\t'ec'", "Argument 'dsa' not recognized. Must be one of: 'rsa' 'ec'")]
        [InlineData("no claim certificate has id a\0b\u001b[2J", @"no claim certificate has id a\u0000b\u001b[2J")]
        [InlineData("trailing line break\r\n", "trailing line break")]
        public void OneLine_LineBreaksBecomeSpaces_OtherControlsEscaped(string message, string expected) =>
            Assert.Equal(expected, TerminalText.OneLine(message));
    }
}
