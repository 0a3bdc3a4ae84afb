namespace CheckinBot.Core.Rhythms;

/// <summary>Why an agreement step was refused; each has a sentence in every language.</summary>
public enum AgreementError
{
    None,
    NotOpen,
    OwnProposal,
    NotAMember,
    NotAgreed,
    NotPaused,
    AlreadyRetired,
}
