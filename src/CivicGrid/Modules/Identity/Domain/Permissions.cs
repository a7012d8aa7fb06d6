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

    /// <summary>The closed loop (DOMAIN.md §3). What a holder reaches is still their scope: area, unit, or their own reports.</summary>
    public static class Cases
    {
        /// <summary>Report a problem (居民上报, 网格巡查, staff intake).</summary>
        public const string Report = "cases.report";
        /// <summary>Work queues and lists beyond one's own reports.</summary>
        public const string View = "cases.view";
        /// <summary>Grid worker: close a simple matter on the spot (巡办合一).</summary>
        public const string OnTheSpot = "cases.on_the_spot";
        /// <summary>Accept, reject, dispatch, escalate, decide extensions, close, reopen, merge, relocate, rate on a return visit.</summary>
        public const string Dispatch = "cases.dispatch";
        /// <summary>Street: summon a lead and cooperating units at once (吹哨).</summary>
        public const string Whistle = "cases.whistle";
        /// <summary>Unit staff: sign for, handle, return, ask for an extension, report back.</summary>
        public const string Handle = "cases.handle";
        /// <summary>Check the work on the ground (核查).</summary>
        public const string Verify = "cases.verify";
        /// <summary>Send supervision notices (督办).</summary>
        public const string Supervise = "cases.supervise";
        /// <summary>Figures, rankings and their export.</summary>
        public const string Figures = "cases.figures";
    }

    public static class Catalog
    {
        /// <summary>Edit, import and export the catalog of matters (事项清单).</summary>
        public const string Manage = "catalog.manage";
    }

    /// <summary>Co-building (DOMAIN.md §4): alliances, meetings, the three lists, contracts. Reach is still the scope.</summary>
    public static class CoBuilding
    {
        /// <summary>See alliances, meetings, lists, projects and contracts within one's scope.</summary>
        public const string View = "cobuilding.view";
        /// <summary>Staff: run alliances and meetings, define projects, confirm claims, evaluate, record contracts, withdraw needs.</summary>
        public const string Manage = "cobuilding.manage";
        /// <summary>Staff and grid workers: publish a need (需求清单) of a grid in their scope.</summary>
        public const string Publish = "cobuilding.publish";
        /// <summary>A unit: publish resources, claim needs and projects, plan and report progress.</summary>
        public const string Take = "cobuilding.take";
    }

    /// <summary>Points (积分, DOMAIN.md §5). What a holder reaches is still their scope.</summary>
    public static class Points
    {
        /// <summary>Spend one's own points in a catalog (residents, volunteers, party members, building leaders).</summary>
        public const string Redeem = "points.redeem";
        /// <summary>Community staff: earning rules, the catalog and its stock, ledgers of the area, reversals.</summary>
        public const string Manage = "points.manage";
        /// <summary>Merchant (合作商户): redeem the codes of its own items.</summary>
        public const string Honour = "points.honour";
    }

    /// <summary>Dual registration, volunteer activities and micro-wishes (DOMAIN.md §4).</summary>
    public static class Volunteering
    {
        /// <summary>Community staff: publish activities, show the check-in code, correct hours, confirm registrations, post wishes for residents.</summary>
        public const string Manage = "volunteering.manage";
        /// <summary>Volunteers and units: sign up, check in and out, claim and fulfil wishes.</summary>
        public const string Serve = "volunteering.serve";
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
        Cases.Report, Cases.View, Cases.OnTheSpot, Cases.Dispatch, Cases.Whistle, Cases.Handle, Cases.Verify, Cases.Supervise, Cases.Figures,
        Catalog.Manage,
        CoBuilding.View, CoBuilding.Manage, CoBuilding.Publish, CoBuilding.Take,
        Points.Redeem, Points.Manage, Points.Honour,
        Volunteering.Manage, Volunteering.Serve,
    ];
}
