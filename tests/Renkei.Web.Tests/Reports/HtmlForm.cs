using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Renkei.Web.Tests.Reports;

/// <summary>
/// A form of a server-rendered page, filled and sent the way a browser without JavaScript does:
/// the fields' current values (checked boxes, selected options, the antiforgery token), the
/// changes a person makes, and the pressed button's form action.
/// </summary>
public sealed class HtmlForm
{
    private readonly IElement _form;
    private readonly string _page;
    private readonly List<KeyValuePair<string, string>> _values = [];
    private readonly List<(string Name, string FileName, byte[] Content)> _files = [];

    private HtmlForm(IElement form, string page)
    {
        _form = form;
        _page = page;
        foreach (var field in form.QuerySelectorAll("input[name], select[name], textarea[name]").Where(f => !f.HasAttribute("disabled")))
        {
            var name = field.GetAttribute("name")!;
            switch (field)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.HasAttribute("checked"))
                    {
                        _values.Add(new(name, input.GetAttribute("value") ?? "on"));
                    }
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button":
                    break;
                case IHtmlInputElement input:
                    _values.Add(new(name, input.GetAttribute("value") ?? ""));
                    break;
                case IHtmlSelectElement select:
                    var option = select.QuerySelectorAll("option").FirstOrDefault(o => o.HasAttribute("selected")) ?? select.QuerySelector("option");
                    if (option is not null)
                    {
                        _values.Add(new(name, option.GetAttribute("value") ?? option.TextContent));
                    }
                    break;
                case IHtmlTextAreaElement area:
                    _values.Add(new(name, area.TextContent.TrimStart('\n')));
                    break;
            }
        }
    }

    public static async Task<IHtmlDocument> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}");
        return Parse(await response.Content.ReadAsStringAsync());
    }

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The form on the page that contains the element matched by the selector (a field or a button).</summary>
    public static HtmlForm Find(IHtmlDocument document, string page, string selector)
    {
        var element = document.QuerySelector(selector) ?? throw new InvalidOperationException($"Nothing matches {selector} on {page}.");
        return new HtmlForm(element.Closest("form") ?? throw new InvalidOperationException($"{selector} is not in a form."), page);
    }

    public static async Task<HtmlForm> OpenAsync(HttpClient client, string page, string selector) => Find(await PageAsync(client, page), page, selector);

    public bool Has(string name) => _values.Any(v => v.Key == name);

    public string? Value(string name) => _values.FirstOrDefault(v => v.Key == name).Value;

    /// <summary>Types into a field, picks an option or a radio button (replacing what was there).</summary>
    public HtmlForm Set(string name, params string[] values)
    {
        _values.RemoveAll(v => v.Key == name);
        _values.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    /// <summary>Ticks one more checkbox of a group.</summary>
    public HtmlForm Check(string name, string value = "true")
    {
        // Before a checkbox's hidden "false" companion, as the browser sends them in document order.
        var at = _values.FindIndex(v => v.Key == name);
        _values.Insert(at < 0 ? _values.Count : at, new(name, value));
        return this;
    }

    /// <summary>Chooses a file for a file field; the form is then sent as multipart/form-data, as its enctype says.</summary>
    public HtmlForm Attach(string name, string fileName, byte[] content)
    {
        _form.QuerySelector($"input[type=file][name='{name}']").ShouldNotBeNull($"no file field {name}");
        _form.GetAttribute("enctype").ShouldBe("multipart/form-data");
        _files.Add((name, fileName, content));
        return this;
    }

    public HtmlForm Without(string name)
    {
        _values.RemoveAll(v => v.Key == name);
        return this;
    }

    /// <summary>Presses the submit button whose text contains <paramref name="button"/> (or the first one).</summary>
    public Task<HttpResponseMessage> SubmitAsync(HttpClient client, string? button = null)
    {
        var buttons = _form.QuerySelectorAll("button[type=submit], button:not([type])").ToList();
        var pressed = button is null ? buttons.FirstOrDefault() : buttons.FirstOrDefault(b => b.TextContent.Contains(button, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No button '{button}' in the form.");
        var values = new List<KeyValuePair<string, string>>(_values);
        if (pressed?.GetAttribute("name") is { } name)
        {
            values.Add(new(name, pressed.GetAttribute("value") ?? ""));
        }
        var action = pressed?.GetAttribute("formaction") ?? _form.GetAttribute("action");
        return client.PostAsync(string.IsNullOrEmpty(action) ? _page : action, Body(values));
    }

    private HttpContent Body(List<KeyValuePair<string, string>> values)
    {
        if (_form.GetAttribute("enctype") != "multipart/form-data")
        {
            return new FormUrlEncodedContent(values.Select(v => new KeyValuePair<string?, string?>(v.Key, v.Value)));
        }
        var body = new MultipartFormDataContent();
        foreach (var (key, value) in values)
        {
            body.Add(new StringContent(value), key);
        }
        foreach (var (name, fileName, content) in _files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            body.Add(file, name, fileName);
        }
        return body;
    }
}
