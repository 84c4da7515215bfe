using System.Collections;
using System.Data;
using System.IO.Pipelines;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using WelfareGraph.Labels;

namespace WelfareGraph.Exports.Formats;

/// <summary>
/// XLSX through MiniExcel, chosen over SpreadCheetah (faster) because Persian readers need right-to-left sheets
/// and SpreadCheetah cannot write them. Numbers are numeric cells in their column's format
/// (<see cref="NumberFormats"/>), dates date cells, columns as wide as their content (<see cref="ColumnWidths"/>),
/// the header row is frozen, and with <c>lang=fa</c> the sheet runs right to left. Rows stream: a sheet holds at most
/// <paramref name="rowsPerSheet"/> rows (Excel's limit is 1,048,576 with the header) and the export goes on
/// to another sheet with the same header, so nothing is capped and nothing is held in memory.
/// <para>
/// MiniExcel writes synchronously. It runs on a thread of its own, writing into a bounded pipe that this
/// method copies asynchronously to the destination: an HTTP response never sees a synchronous write, and the
/// pipe's bound holds back MiniExcel while the client reads slowly.
/// </para>
/// </summary>
public static class XlsxExport
{
    public const int ExcelMaxRows = 1_048_576;

    /// <summary>
    /// How many rows are read ahead to size the columns. A layout or summarized table is smaller than this (it
    /// holds groups, not fact rows), so its widths fit every value; an underlying export's fit its first rows,
    /// and memory holds only those.
    /// </summary>
    public const int WidthSample = 2_000;

    /// <param name="title">A line above the table naming what it is (layout sheets, for people), or null for a table whose header is row
    /// 1.</param>
    public static async Task WriteAsync(
        Stream destination,
        ExportTable table,
        Language language,
        int rowsPerSheet,
        string? title,
        ExportProgress progress,
        CancellationToken cancellationToken
    )
    {
        rowsPerSheet = Math.Clamp(rowsPerSheet, 1, ExcelMaxRows - 2);
        var headers = Unique(table.Columns.Select(c => c.Header(language)).ToList());
        var formats = table.Columns.Select(c => c.NumberFormat).ToArray();
        await using var rows = table.Rows.GetAsyncEnumerator(cancellationToken);
        var head = new List<object?[]>();
        while (head.Count < WidthSample && await rows.MoveNextAsync())
            head.Add(rows.Current);
        var widths = ColumnWidths.Fit(headers, formats, head);
        var configuration = new OpenXmlConfiguration
        {
            RightToLeft = language == Language.Fa,
            // The title row and the header stay in view; a filter over the title row would filter nothing.
            FreezeRowCount = title is null ? 1 : 2,
            AutoFilter = title is null,
            EnableAutoWidth = false,
            DynamicColumns =
            [
                .. table.Columns.Select((c, i) => new DynamicExcelColumn(headers[i]) { Width = widths[i], Format = formats[i]! }),
            ],
        };
        var pipe = new Pipe(
            new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, useSynchronizationContext: false)
        );
        var source = new SheetSource(
            head,
            head.Count == WidthSample ? rows : null,
            headers,
            title,
            table.Columns.Select(c => c.Kind).ToArray(),
            rowsPerSheet,
            language,
            progress,
            cancellationToken
        );
        var writer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    using (var stream = pipe.Writer.AsStream(leaveOpen: true))
                        MiniExcel.SaveAs(
                            stream,
                            source,
                            // With a title, the header is written by the sheet's reader, under the title.
                            printHeader: title is null,
                            excelType: ExcelType.XLSX,
                            configuration: configuration
                        );
                    pipe.Writer.Complete();
                }
                catch (Exception e)
                {
                    pipe.Writer.Complete(e);
                    throw;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default
        );
        try
        {
            await pipe.Reader.CopyToAsync(destination, cancellationToken);
            await pipe.Reader.CompleteAsync();
        }
        catch (Exception e)
        {
            // The writer stops at its next row (the token) or its next write (the completed reader).
            await pipe.Reader.CompleteAsync(e);
            try
            {
                await writer;
            }
            catch
            { /* the reader's exception is the one to report */
            }
            throw;
        }
        await writer;
    }

    /// <summary>Excel needs distinct column names; a repeated header gets a number.</summary>
    private static List<string> Unique(List<string> headers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return headers
            .Select(h =>
            {
                var name = h;
                for (var n = 2; !seen.Add(name); n++)
                    name = $"{h} ({n})";
                return name;
            })
            .ToList();
    }

    /// <summary>
    /// The workbook's sheets, made as they are needed: MiniExcel enumerates this dictionary once, writing each
    /// sheet before it asks for the next, so a further sheet exists only when rows remain.
    /// </summary>
    /// <param name="head">The rows read ahead to size the columns, written first.</param>
    /// <param name="rest">The rows after them, or null when the head holds them all.</param>
    private sealed class SheetSource(
        IReadOnlyList<object?[]> head,
        IAsyncEnumerator<object?[]>? rest,
        IReadOnlyList<string> headers,
        string? title,
        ColumnKind[] kinds,
        int rowsPerSheet,
        Language language,
        ExportProgress progress,
        CancellationToken cancellationToken
    ) : IDictionary<string, object>
    {
        private bool _started;
        private bool _pending;
        private int _headRead;
        private object?[] _current = [];

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            for (var sheet = 1; ; sheet++)
            {
                // The first sheet is written even for no rows (a header-only file); a further one only for rows left.
                if (!_started)
                {
                    _started = true;
                    _pending = Next();
                }
                else if (!_pending)
                    yield break;
                yield return new(SheetName(sheet), new SheetReader(this, Above(), headers, kinds, rowsPerSheet));
            }
        }

        private string SheetName(int sheet) => (language == Language.Fa ? "داده‌ها" : "Data") + (sheet == 1 ? "" : " " + sheet);

        /// <summary>The rows above a sheet's data when it has a title: the title, then the header.</summary>
        private List<object?[]> Above()
        {
            if (title is null)
                return [];
            var titleRow = new object?[headers.Count];
            titleRow[0] = title;
            return [titleRow, [.. headers]];
        }

        /// <summary>MiniExcel's thread waits here for the database or the caller's rows.</summary>
        internal bool Next()
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_headRead < head.Count)
            {
                _current = head[_headRead++];
                return true;
            }
            if (rest is null || !rest.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                return false;
            _current = rest.Current;
            return true;
        }

        internal object?[] Current => _current;
        internal bool Pending
        {
            get => _pending;
            set => _pending = value;
        }

        internal void Counted() => progress.Row();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public object this[string key]
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
        public ICollection<string> Keys => throw new NotSupportedException();
        public ICollection<object> Values => throw new NotSupportedException();
        public int Count => throw new NotSupportedException();
        public bool IsReadOnly => true;

        public void Add(string key, object value) => throw new NotSupportedException();

        public void Add(KeyValuePair<string, object> item) => throw new NotSupportedException();

        public void Clear() => throw new NotSupportedException();

        public bool Contains(KeyValuePair<string, object> item) => throw new NotSupportedException();

        public bool ContainsKey(string key) => throw new NotSupportedException();

        public void CopyTo(KeyValuePair<string, object>[] array, int arrayIndex) => throw new NotSupportedException();

        public bool Remove(string key) => throw new NotSupportedException();

        public bool Remove(KeyValuePair<string, object> item) => throw new NotSupportedException();

        public bool TryGetValue(string key, out object value) => throw new NotSupportedException();
    }

    /// <summary>One sheet's rows, as the forward-only reader MiniExcel streams from.</summary>
    private sealed class SheetReader(
        SheetSource source,
        List<object?[]> above,
        IReadOnlyList<string> headers,
        ColumnKind[] kinds,
        int rowsPerSheet
    ) : IDataReader
    {
        private int _rows;
        private int _aboveRead;
        private object?[] _current = [];

        public bool Read()
        {
            if (_aboveRead < above.Count)
            {
                _current = above[_aboveRead++];
                return true;
            }
            if (_rows == rowsPerSheet || !source.Pending)
                return false;
            // The row read ahead belongs to this sheet; read the next one to know whether another follows.
            _current = source.Current;
            _rows++;
            source.Counted();
            source.Pending = source.Next();
            return true;
        }

        public object GetValue(int i) => _current[i] ?? DBNull.Value;

        public int FieldCount => headers.Count;

        public string GetName(int i) => headers[i];

        public Type GetFieldType(int i) =>
            kinds[i] switch
            {
                ColumnKind.Integer => typeof(long),
                ColumnKind.Decimal => typeof(decimal),
                ColumnKind.Float => typeof(double),
                ColumnKind.Boolean => typeof(bool),
                ColumnKind.Date => typeof(DateOnly),
                _ => typeof(string),
            };

        public bool IsDBNull(int i) => _current[i] is null;

        public object this[int i] => GetValue(i);
        public object this[string name] => GetValue(GetOrdinal(name));

        public int GetOrdinal(string name) => headers.ToList().IndexOf(name);

        public int Depth => 0;
        public bool IsClosed => false;
        public int RecordsAffected => -1;

        public void Close() { }

        public void Dispose() { }

        public bool NextResult() => false;

        public DataTable GetSchemaTable() => throw new NotSupportedException();

        public string GetDataTypeName(int i) => GetFieldType(i).Name;

        public int GetValues(object[] values)
        {
            for (var i = 0; i < FieldCount; i++)
                values[i] = GetValue(i);
            return FieldCount;
        }

        public bool GetBoolean(int i) => (bool)GetValue(i);

        public byte GetByte(int i) => Convert.ToByte(GetValue(i));

        public long GetBytes(int i, long fieldOffset, byte[]? buffer, int bufferoffset, int length) => throw new NotSupportedException();

        public char GetChar(int i) => Convert.ToChar(GetValue(i));

        public long GetChars(int i, long fieldoffset, char[]? buffer, int bufferoffset, int length) => throw new NotSupportedException();

        public IDataReader GetData(int i) => throw new NotSupportedException();

        public DateTime GetDateTime(int i) => Convert.ToDateTime(GetValue(i));

        public decimal GetDecimal(int i) => Convert.ToDecimal(GetValue(i));

        public double GetDouble(int i) => Convert.ToDouble(GetValue(i));

        public float GetFloat(int i) => Convert.ToSingle(GetValue(i));

        public Guid GetGuid(int i) => (Guid)GetValue(i);

        public short GetInt16(int i) => Convert.ToInt16(GetValue(i));

        public int GetInt32(int i) => Convert.ToInt32(GetValue(i));

        public long GetInt64(int i) => Convert.ToInt64(GetValue(i));

        public string GetString(int i) => Convert.ToString(GetValue(i))!;
    }
}
