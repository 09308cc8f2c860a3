namespace Dealix.Orchestrations.Common.Text;

internal static class Placeholder;
