[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("CheckinBot.Storage.Tests")]
