using System.Globalization;
using Renkei.Access;
using Renkei.Common;
using Renkei.ContactChecks;
using Renkei.Web.Pages.Advisories;
using Renkei.Web.Pages.Reports;

namespace Renkei.Web.Pages.ContactChecks;

/// <summary>The contact-check form as a browser posts it, named like the API's fields; the start time is typed in JST.</summary>
public sealed class ContactCheckForm
{
    private static readonly string[] TimeFormats = [ContentForm.TimeFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm"];

    public string? Title { get; set; }
    public string? Message { get; set; }
    public int? DeadlineHours { get; set; }
    public ContactCheckSchedule? Schedule { get; set; }

    /// <summary>JST, as typed (datetime-local: 2026-06-01T09:30).</summary>
    public string? StartAt { get; set; }
    public int? RepeatDays { get; set; }
    public List<AudienceRow> Audience { get; set; } = [];

    /// <summary>The service's input, or null when the start time is not a time (then nothing is sent).</summary>
    public ContactCheckInput? ToInput()
    {
        DateTime? start = null;
        if (!string.IsNullOrWhiteSpace(StartAt))
        {
            if (!DateTime.TryParseExact(StartAt.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return null;
            }
            start = DateTime.SpecifyKind(local - Clock.JstOffset, DateTimeKind.Utc);
        }
        return new ContactCheckInput
        {
            Title = Title ?? "",
            Message = Message,
            DeadlineHours = DeadlineHours,
            Schedule = Schedule,
            // A time or interval left in the form of another schedule is not meant.
            StartAt = Schedule is ContactCheckSchedule.At or ContactCheckSchedule.Repeat ? start : null,
            RepeatDays = Schedule == ContactCheckSchedule.Repeat ? RepeatDays : null,
            Audience = Audience.Select(r => new AudienceEntry { Kind = r.Kind, Key = r.Key?.Trim() }).ToList(),
        };
    }
}
