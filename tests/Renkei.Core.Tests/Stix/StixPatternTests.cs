using System.Text.Json;
using Renkei.Stix.Patterns;
using Renkei.Testing;

namespace Renkei.Core.Tests.Stix;

public sealed class StixPatternTests
{
    public static TheoryData<string> OasisExamplePatterns()
    {
        var data = new TheoryData<string>();
        var examples = RepositoryFiles.Path("tests", "data", "stix2-json-schemas", "examples");
        foreach (var file in System.IO.Directory.EnumerateFiles(examples, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (document.RootElement.TryGetProperty("objects", out var objects))
            {
                foreach (var o in objects.EnumerateArray())
                {
                    if (o.TryGetProperty("pattern", out var pattern))
                    {
                        data.Add(pattern.GetString()!);
                    }
                }
            }
        }
        return data;
    }

    [Fact]
    public void OasisExamples_HavePatterns() => OasisExamplePatterns().Count.ShouldBeGreaterThan(40);

    [Theory]
    [MemberData(nameof(OasisExamplePatterns))]
    public void Validate_OasisExamplePattern_IsValid(string pattern) =>
        StixPattern.Validate(pattern).ShouldBe((true, null));

    [Theory]
    // The examples of spec §9 (as patterns, not JSON-encoded).
    [InlineData("[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']")]
    [InlineData(@"[email-message:from_ref.value MATCHES '.+\\@example\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\.exe$']")]
    [InlineData("[file:hashes.'SHA-256' = 'bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c' OR file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f']\nAND [file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']")]
    [InlineData(@"([file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] FOLLOWEDBY [windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\foo\\bar']) WITHIN 300 SECONDS")]
    [InlineData("[user-account:account_type = 'unix' AND user-account:user_id = '1007' AND user-account:account_login = 'Peter'] AND [user-account:account_type = 'unix' AND user-account:user_id = '1008' AND user-account:account_login = 'Paul'] AND [user-account:account_type = 'unix' AND user-account:user_id = '1009' AND user-account:account_login = 'Mary']")]
    [InlineData(@"[artifact:mime_type = 'application/vnd.tcpdump.pcap' AND artifact:payload_bin MATCHES '\\xd4\\xc3\\xb2\\xa1\\x02\\x00\\x04\\x00']")]
    [InlineData(@"[file:name = 'foo.dll' AND file:parent_directory_ref.path = 'C:\\Windows\\System32']")]
    [InlineData("[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]")]
    [InlineData("[file:mime_type = 'image/bmp' AND file:magic_number_hex = h'ffd8']")]
    [InlineData("[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'example.com'] REPEATS 5 TIMES WITHIN 1800 SECONDS")]
    [InlineData("[domain-name:value = 'www.5z8.info' AND domain-name:resolves_to_refs[*].value = '198.51.100.1/32']")]
    [InlineData("[(file:name = 'pdf.exe' OR file:size = 371712) AND file:created = t'2014-01-13T07:03:17Z']")]
    [InlineData("[x-usb-device:usbdrive.serial_number = '575833314133343231313937']")]
    [InlineData("[process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachine Root$'] FOLLOWEDBY [process:command_line MATCHES'^.+>-add GlobalSign.cer -c -s -r localMachineTrustedPublisher$'] WITHIN 300 SECONDS")]
    [InlineData("[network-traffic:dst_ref.value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']")]
    [InlineData(@"([file:name = 'foo.dll'] AND [windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\foo\\bar']) OR [process:image_ref.name = 'fooproc' OR process:image_ref.name = 'procfoo']")]
    [InlineData("([ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.33/32' OR ipv6-addr:value = '2001:0db8:dead:beef:dead:beef:dead:0001/128'] FOLLOWEDBY [domain-name:value = 'example.com']) WITHIN 600 SECONDS")]
    [InlineData("[file:name = 'foo.dll'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'")]
    [InlineData("[a-type:property_j = 'W' AND a-type:property_k = 'X' OR a-type:property_l = 'Z']")]
    [InlineData("[(a-type:property_j = 'W' AND a-type:property_k = 'X') OR (b-type:property_m = 'Y' AND b-type:property_n = 'Z')]")]
    // Operators, constants and qualifiers beyond the examples.
    [InlineData("[process:name IN ('proccy', 'proximus', 'badproc')]")]
    [InlineData("[file:size IN (1, 2.5, -3)]")]
    [InlineData("[file:size NOT IN (1, 2)]")]
    [InlineData(@"[directory:path LIKE 'C:\\Windows\\%\\foo']")]
    [InlineData("[file:name NOT LIKE 'a_b%']")]
    [InlineData("[ipv4-addr:value ISSUPERSET '198.51.100.0/24']")]
    [InlineData("[ipv4-addr:value NOT ISSUBSET '198.51.100.7']")]
    [InlineData("[EXISTS windows-registry-key:values]")]
    [InlineData("[file:size != 4112 AND file:size >= 33312 AND file:size <= 99999 AND file:size < 100000 AND file:size > -1]")]
    [InlineData("[file:size = 0]")]
    [InlineData("[file:x_flag = true OR file:x_flag != false]")]
    [InlineData("[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']")]
    [InlineData("[artifact:payload_bin = b'AB\nI=']")]
    [InlineData("[artifact:payload_bin = b'']")]
    [InlineData("[artifact:payload_bin = h'7468697320697320612074657374']")]
    [InlineData("[file:name = 'it\\'s \\\\ here']")]
    [InlineData("[file:name = '']")]
    [InlineData("[network-traffic:protocols[0] = 'tcp' AND network-traffic:protocols[-1] = 'http']")]
    [InlineData("[file:extensions.'raster-image-ext'.image_height > 1024]")]
    [InlineData("[x-custom:'a.b' = 1]")]
    [InlineData("[file:ctime < t'2016-12-31T23:59:60.123456789Z']")]
    [InlineData("[file:name = 'a'] WITHIN 0.5 SECONDS")]
    [InlineData("[file:name = 'a'] REPEATS 5 TIMES WITHIN 300 SECONDS START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00.001Z'")]
    [InlineData("([file:name = 'a'] WITHIN 5 SECONDS) WITHIN 10 SECONDS")]
    [InlineData("[ x-a:p_a = 'b' ] FOLLOWEDBY [ x-c:p_c = 'd' ] REPEATS 5 TIMES")]
    [InlineData("(([file:name = 'a'] AND [file:name = 'b']) OR ([file:name = 'c'] FOLLOWEDBY [file:name = 'd'])) REPEATS 2 TIMES")]
    [InlineData("\t[ file:name\u3000=\r\n'a' ]  ")]
    [InlineData("[file:name='a']AND[file:size=1]")]
    public void Validate_WellFormedPattern_IsValid(string pattern) =>
        StixPattern.Validate(pattern).ShouldBe((true, null));

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("file:name = 'a'", 0, "expected '[' or '('")]
    [InlineData("[file:name = 'a'", 16, "expected ']'")]
    [InlineData("[file:name = 'a']]", 17, "expected AND, OR, FOLLOWEDBY")]
    [InlineData("[file:name = 'a]", 13, "not closed")]
    [InlineData(@"[file:name = 'a\n']", 15, "backslash")]
    [InlineData("[file:name == 'a']", 12, "expected a constant")]
    [InlineData("[file:name 'a']", 11, "comparison operator")]
    [InlineData("[file:name = a]", 13, "expected a constant")]
    [InlineData("[file name = 'a']", 6, "':' after the object type")]
    [InlineData("[File:name = 'a']", 1, "not a STIX object type name")]
    [InlineData("[fi:name = 'a']", 1, "not a STIX object type name")]
    [InlineData("[file--x:name = 'a']", 1, "not a STIX object type name")]
    [InlineData("[file:hashes.SHA-256 = 'a']", 13, "must be quoted")]
    [InlineData("[file:AND = 'a']", 6, "property name")]
    [InlineData("[file:sections[x] = 1]", 15, "list index")]
    [InlineData("[file:size = 007]", 13, "leading zeros")]
    [InlineData("[file:size = 1.]", 13, "digits after the decimal point")]
    [InlineData("[file:size = 1e5]", 14, "after a number")]
    [InlineData("[file:size > true]", 13, "booleans cannot be compared")]
    [InlineData("[file:name LIKE 5]", 16, "LIKE needs a string")]
    [InlineData("[file:name MATCHES h'00']", 19, "MATCHES needs a string")]
    [InlineData("[ipv4-addr:value ISSUBSET 'not-an-ip']", 26, "IPv4 or IPv6")]
    [InlineData("[ipv4-addr:value ISSUBSET '10.0.0.0/33']", 26, "IPv4 or IPv6")]
    [InlineData("[file:size IN (1, 'a')]", 18, "same type")]
    [InlineData("[file:size IN 1]", 14, "'(' to start the IN list")]
    [InlineData("[file:size IN (1 2)]", 17, "',' or ')'")]
    [InlineData("[file:ctime = t'2016-02-30T00:00:00Z']", 14, "not a STIX timestamp")]
    [InlineData("[file:ctime = t'2016-01-01T00:00:00+09:00']", 14, "not a STIX timestamp")]
    [InlineData("[file:ctime = t'2016-01-01T00:00:00.Z']", 14, "not a STIX timestamp")]
    [InlineData("[file:magic_number_hex = h'fff']", 25, "even number")]
    [InlineData("[file:magic_number_hex = h'zz']", 25, "even number")]
    [InlineData("[artifact:payload_bin = b'abc']", 24, "base64")]
    [InlineData("[file:name = 'a'] WITHIN 0 SECONDS", 25, "positive number")]
    [InlineData("[file:name = 'a'] WITHIN -5 SECONDS", 25, "positive number")]
    [InlineData("[file:name = 'a'] WITHIN 5 MINUTES", 27, "expected SECONDS")]
    [InlineData("[file:name = 'a'] REPEATS 0 TIMES", 26, "positive integer")]
    [InlineData("[file:name = 'a'] REPEATS 1.5 TIMES", 26, "positive integer")]
    [InlineData("[file:name = 'a'] REPEATS 5", 27, "expected TIMES")]
    [InlineData("[file:name = 'a'] START t'2016-06-01T00:00:00Z'", 47, "expected STOP")]
    [InlineData("[file:name = 'a'] START '2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'", 24, "timestamp t'")]
    [InlineData("[file:name = 'a'] START t'2016-07-01T00:00:00Z' STOP t'2016-06-01T00:00:00Z'", 53, "STOP timestamp must be later")]
    [InlineData("[file:name = 'a'] WITHIN 5 SECONDS WITHIN 6 SECONDS", 35, "only one WITHIN")]
    [InlineData("[file:name = 'a' AND ipv4-addr:value = '1.2.3.4']", 21, "different object types")]
    [InlineData("[(file:name = 'a' OR ipv4-addr:value = '1.2.3.4') AND domain-name:value = 'x.example']", 54, "different object types")]
    [InlineData("[file:name = 'a'] AND", 21, "expected '[' or '('")]
    [InlineData("[file:name = 'a'] FOLLOWEDBY OR [file:name = 'b']", 29, "expected '[' or '('")]
    [InlineData("([file:name = 'a']", 18, "expected ')'")]
    [InlineData("[(file:name = 'a']", 17, "expected ')'")]
    [InlineData("[]", 1, "object path")]
    [InlineData("[file:name = 'a'] and [file:name = 'b']", 18, "expected AND, OR, FOLLOWEDBY")]
    [InlineData("[NOT file:name = 'a']", 1, "object path")]
    [InlineData("[file:name = 'a' # comment]", 17, "unexpected character '#'")]
    [InlineData("[file:name = \"a\"]", 13, "unexpected character '\"'")]
    public void Validate_MalformedPattern_NamesThePosition(string pattern, int position, string reason)
    {
        var (ok, error) = StixPattern.Validate(pattern);
        ok.ShouldBeFalse();
        error.ShouldNotBeNull();
        error.ShouldStartWith($"at position {position}: ");
        error.ShouldContain(reason);
    }

    [Fact]
    public void Validate_DeeplyNestedParentheses_IsRefusedWithoutExhaustingTheStack()
    {
        var deep = new string('(', 100_000) + "[file:name = 'a']" + new string(')', 100_000);
        var (ok, error) = StixPattern.Validate(deep);
        ok.ShouldBeFalse();
        error!.ShouldContain($"nested more than {PatternParser.MaxNesting} deep");
    }

    [Fact]
    public void Validate_LongRunsOfOperators_AreParsedFlat()
    {
        var observations = string.Join(" OR ", Enumerable.Range(0, 10_000).Select(i => $"[file:size = {i}]"));
        StixPattern.Validate(observations).Ok.ShouldBeTrue();
        ((ObservationOperation)PatternParser.Parse(observations)).Operands.Count.ShouldBe(10_000);
        var comparisons = "[" + string.Join(" AND ", Enumerable.Range(0, 10_000).Select(i => $"file:size != {i}")) + "]";
        StixPattern.Validate(comparisons).Ok.ShouldBeTrue();
        ((ComparisonOperation)((ObservationBrackets)PatternParser.Parse(comparisons)).Body).Operands.Count.ShouldBe(10_000);
    }

    [Fact]
    public void Validate_TooLong_IsRefusedBeforeParsing()
    {
        var (ok, error) = StixPattern.Validate("[file:name = '" + new string('a', StixPattern.MaxLength) + "']");
        ok.ShouldBeFalse();
        error.ShouldBe($"at position {StixPattern.MaxLength}: the pattern is longer than {StixPattern.MaxLength} characters");
    }

    [Fact]
    public void Validate_QualifierBindsToTheNearestObservation()
    {
        var parsed = (ObservationOperation)PatternParser.Parse("[a-b:c = 'b'] FOLLOWEDBY [c-d:d = 'd'] REPEATS 5 TIMES");
        parsed.Operator.ShouldBe("FOLLOWEDBY");
        parsed.Operands[0].ShouldBeOfType<ObservationBrackets>();
        parsed.Operands[1].ShouldBeOfType<QualifiedObservation>().Qualifier.Keyword.ShouldBe("REPEATS");
    }

    [Fact]
    public void Parse_AndBindsTighterThanOrThanFollowedBy()
    {
        var parsed = (ObservationOperation)PatternParser.Parse("[a-b:c = 1] AND [a-b:c = 2] OR [a-b:c = 3] FOLLOWEDBY [a-b:c = 4]");
        parsed.Operator.ShouldBe("FOLLOWEDBY");
        var or = parsed.Operands[0].ShouldBeOfType<ObservationOperation>();
        or.Operator.ShouldBe("OR");
        or.Operands[0].ShouldBeOfType<ObservationOperation>().Operator.ShouldBe("AND");
    }

    [Fact]
    public void Parse_StringEscapes_AreDecoded()
    {
        var parsed = (ObservationBrackets)PatternParser.Parse(@"[file:name = 'it\'s C:\\x']");
        ((Comparison)parsed.Body).Values[0].Value.ShouldBe(@"it's C:\x");
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"C:\Windows", @"'C:\\Windows'")]
    [InlineData(@"\'", @"'\\\''")]
    public void Quote_EscapesApostropheAndBackslash(string value, string expected)
    {
        StixPattern.Quote(value).ShouldBe(expected);
        var parsed = (ObservationBrackets)PatternParser.Parse($"[file:name = {StixPattern.Quote(value)}]");
        ((Comparison)parsed.Body).Values[0].Value.ShouldBe(value);
    }
}
