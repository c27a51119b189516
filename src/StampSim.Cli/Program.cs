namespace StampSim.Cli;

/// <summary>Entry point of the <c>stampsim</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code.</summary>
    public static int Main(string[] args) => StampSimCli.Run(args, Console.Out, Console.Error);
}
