namespace CivicGrid.Modules.Identity.Domain;

/// <summary>Named permissions, each registered as an authorization policy of the same name.</summary>
public static class Permissions
{
    public static class Areas
    {
        public const string View = "areas.view";
        public const string Manage = "areas.manage";
    }

    public static class People
    {
        public const string View = "people.view";
        public const string Manage = "people.manage";
        /// <summary>See a full ID-card number or phone; every reveal is logged.</summary>
        public const string Reveal = "people.reveal";
        public const string Import = "people.import";
        public const string Export = "people.export";
    }

    public static class Accounts
    {
        public const string Manage = "accounts.manage";
    }

    public static class Calendar
    {
        /// <summary>Load or replace a year of the working calendar (platform-wide).</summary>
        public const string Manage = "calendar.manage";
    }

    public static class OperationLog
    {
        public const string View = "oplog.view";
    }

    /// <summary>Every account may see its own household and resident record ("my household").</summary>
    public const string Self = "self";

    public static readonly string[] All =
    [
        Areas.View, Areas.Manage,
        People.View, People.Manage, People.Reveal, People.Import, People.Export,
        Accounts.Manage, Calendar.Manage, OperationLog.View, Self,
    ];
}
