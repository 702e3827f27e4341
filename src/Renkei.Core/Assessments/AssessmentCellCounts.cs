using Microsoft.EntityFrameworkCore;
using Renkei.Storage;

namespace Renkei.Assessments;

/// <summary>
/// Adds a submitted response to its campaign's cell counts (<see cref="AssessmentCellCount"/>), in
/// the submission's transaction: one upsert for the item rows (respondents, numbers), one for the
/// key rows. Two operators of a sector submitting at once both count: the database adds.
/// </summary>
public static class AssessmentCellCounts
{
    public static async Task AddAsync(RenkeiDbContext db, AssessmentResponse response, CancellationToken ct)
    {
        var sector = response.SectorCode ?? "";
        var id = response.Id;
        // "WHERE … AND 1 = 1" keeps SQLite from reading ON CONFLICT as a join's ON.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO assessment_cell_counts (campaign_id, sector_code, item_id, key, count, number_sum, numbers)
            SELECT a.campaign_id, {sector}, a.item_id, '', 1, COALESCE(a.number_value, 0), CASE WHEN a.number_value IS NULL THEN 0 ELSE 1 END
            FROM assessment_answers a WHERE a.response_id = {id} AND 1 = 1
            ON CONFLICT (campaign_id, sector_code, item_id, key) DO UPDATE SET
                count = assessment_cell_counts.count + 1,
                number_sum = assessment_cell_counts.number_sum + excluded.number_sum,
                numbers = assessment_cell_counts.numbers + excluded.numbers
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO assessment_cell_counts (campaign_id, sector_code, item_id, key, count, number_sum, numbers)
            SELECT k.campaign_id, {sector}, k.item_id, k.key, 1, 0, 0
            FROM assessment_answer_keys k WHERE k.response_id = {id} AND 1 = 1
            ON CONFLICT (campaign_id, sector_code, item_id, key) DO UPDATE SET count = assessment_cell_counts.count + 1
            """, ct);
    }
}
