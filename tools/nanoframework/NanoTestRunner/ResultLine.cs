namespace NanoFleet.NanoTestRunner
{
    /// <summary>
    /// One line the UnitTestLauncher prints a test: "Test passed|failed|skipped,Class.Method.N,detail",
    /// where N is the attribute's index (the DataRow) and detail the ticks, the failure or the skip
    /// reason. The detail may hold commas; names cannot.
    /// </summary>
    internal readonly record struct ResultLine(string Outcome, string Method, string Detail)
    {
        public static bool TryParse(string line, out ResultLine result)
        {
            result = default;
            if (!line.StartsWith("Test ", System.StringComparison.Ordinal)) return false;
            string[] parts = line.Split(',', 3);
            if (parts.Length < 2) return false;
            string outcome = parts[0]["Test ".Length..];
            if (outcome is not ("passed" or "failed" or "skipped")) return false;
            int index = parts[1].LastIndexOf('.');
            if (index <= 0) return false;
            result = new ResultLine(outcome, parts[1][..index], parts.Length == 3 ? parts[2] : "");
            return true;
        }
    }
}
