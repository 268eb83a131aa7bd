using System.Data.Common;
using System.Globalization;
using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Execution.Storage;

/// <summary>
/// Column lists and row mapping shared by both stores. Times are Unix milliseconds, wei amounts
/// decimal text, addresses lowercase hex, so both databases hold the same values.
/// </summary>
internal static class StoredRows
{
    public const string CommandColumns =
        "command_id, sender, nonce, kind, to_address, value, data, gas_limit, fee_ceiling, status, reason, mined_hash, block_number, block_hash, succeeded, last_sent_at, last_error, created_at, requester";

    public const string AttemptColumns = "command_id, number, tx_hash, raw, max_fee, tip, is_cancel, created_at";

    public static ExecutorCommand ReadCommand(DbDataReader r) => new()
    {
        CommandId = r.GetString(0),
        Sender = EthAddress.Parse(r.GetString(1), "sender"),
        Nonce = r.IsDBNull(2) ? null : (ulong)r.GetInt64(2),
        Kind = r.GetString(3),
        To = EthAddress.Parse(r.GetString(4), "to"),
        Value = BigInteger.Parse(r.GetString(5), CultureInfo.InvariantCulture),
        Data = (byte[])r.GetValue(6),
        GasLimit = (ulong)r.GetInt64(7),
        FeeCeiling = BigInteger.Parse(r.GetString(8), CultureInfo.InvariantCulture),
        Status = (CommandStatus)Convert.ToInt32(r.GetValue(9), CultureInfo.InvariantCulture),
        Reason = r.IsDBNull(10) ? null : r.GetString(10),
        MinedHash = r.IsDBNull(11) ? null : r.GetString(11),
        BlockNumber = r.IsDBNull(12) ? null : (ulong)r.GetInt64(12),
        BlockHash = r.IsDBNull(13) ? null : r.GetString(13),
        Succeeded = r.IsDBNull(14) ? null : Convert.ToBoolean(r.GetValue(14), CultureInfo.InvariantCulture),
        LastSentAt = r.IsDBNull(15) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(15)),
        LastError = r.IsDBNull(16) ? null : r.GetString(16),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(17)),
        Requester = r.IsDBNull(18) ? null : r.GetString(18),
    };

    public static (string CommandId, TransactionAttempt Attempt) ReadAttempt(DbDataReader r) => (r.GetString(0), new TransactionAttempt(
        Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture),
        r.GetString(2),
        (byte[])r.GetValue(3),
        BigInteger.Parse(r.GetString(4), CultureInfo.InvariantCulture),
        BigInteger.Parse(r.GetString(5), CultureInfo.InvariantCulture),
        Convert.ToBoolean(r.GetValue(6), CultureInfo.InvariantCulture),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7))));

    /// <summary>The values of <see cref="CommandColumns"/>, in order.</summary>
    public static object[] CommandValues(ExecutorCommand c, long now) =>
    [
        c.CommandId, Address(c.Sender), c.Nonce is { } n ? (long)n : DBNull.Value, c.Kind, Address(c.To),
        Text(c.Value), c.Data, (long)c.GasLimit, Text(c.FeeCeiling), (int)c.Status,
        (object?)c.Reason ?? DBNull.Value, (object?)c.MinedHash ?? DBNull.Value,
        c.BlockNumber is { } b ? (long)b : DBNull.Value, (object?)c.BlockHash ?? DBNull.Value,
        c.Succeeded is { } s ? s : DBNull.Value,
        c.LastSentAt is { } at ? at.ToUnixTimeMilliseconds() : DBNull.Value,
        (object?)c.LastError ?? DBNull.Value,
        c.CreatedAt == default ? now : c.CreatedAt.ToUnixTimeMilliseconds(),
        (object?)c.Requester ?? DBNull.Value,
    ];

    /// <summary>What a tracker pass rewrites: status, reason, mined_hash, block_number, block_hash, succeeded, last_sent_at, last_error.</summary>
    public static object[] StateValues(ExecutorCommand c) =>
    [
        (int)c.Status, (object?)c.Reason ?? DBNull.Value, (object?)c.MinedHash ?? DBNull.Value,
        c.BlockNumber is { } b ? (long)b : DBNull.Value, (object?)c.BlockHash ?? DBNull.Value,
        c.Succeeded is { } s ? s : DBNull.Value,
        c.LastSentAt is { } at ? at.ToUnixTimeMilliseconds() : DBNull.Value,
        (object?)c.LastError ?? DBNull.Value,
    ];

    /// <summary>The values of <see cref="AttemptColumns"/> plus sender and nonce, in order.</summary>
    public static object[] AttemptValues(string commandId, TransactionAttempt a) =>
    [
        commandId, a.Number, a.Hash, a.Raw, Text(a.MaxFeePerGas), Text(a.MaxPriorityFeePerGas), a.IsCancel, a.CreatedAt.ToUnixTimeMilliseconds(),
    ];

    public static string Address(EthAddress address) => address.ToLowerHex();

    public static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Attaches each attempt to its command, in attempt order.</summary>
    public static List<ExecutorCommand> Join(List<ExecutorCommand> commands, List<(string CommandId, TransactionAttempt Attempt)> attempts)
    {
        var byCommand = attempts.GroupBy(a => a.CommandId).ToDictionary(g => g.Key, g => g.Select(a => a.Attempt).OrderBy(a => a.Number).ToList());
        return commands.Select(c => byCommand.TryGetValue(c.CommandId, out var list) ? c with { Attempts = list } : c).ToList();
    }
}
