/// <summary>The repository's root: the first folder upwards from here that holds CheckinBot.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CheckinBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new IOException("Run this from inside the CheckinBot repository: no CheckinBot.sln above the current folder.");
    }
}
