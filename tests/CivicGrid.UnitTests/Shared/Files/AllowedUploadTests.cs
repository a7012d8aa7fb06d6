using CivicGrid.Shared.Files;

namespace CivicGrid.UnitTests.Shared.Files;

public sealed class AllowedUploadTests
{
    static readonly UploadLimits Limits = new();

    // The first bytes of real files, as their specifications lay them out.
    static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01];
    static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, .."IHDR"u8];
    static readonly byte[] WebP = [.."RIFF"u8, 0x24, 0x00, 0x00, 0x00, .."WEBPVP8 "u8];
    static readonly byte[] Heic = [0x00, 0x00, 0x00, 0x18, .."ftypheic"u8, 0x00, 0x00, 0x00, 0x00, .."mif1heic"u8];
    static readonly byte[] Heif = [0x00, 0x00, 0x00, 0x1C, .."ftypmif1"u8, 0x00, 0x00, 0x00, 0x00, .."mif1heic"u8];
    static readonly byte[] Pdf = [.."%PDF-1.7\n"u8, 0x25, 0xE2, 0xE3];

    public static TheoryData<byte[], string?, UploadKind> AllowedFiles => new()
    {
        { Jpeg, "image/jpeg", UploadKind.Jpeg },
        { Png, "image/png", UploadKind.Png },
        { WebP, "image/webp", UploadKind.WebP },
        { Heic, "image/heic", UploadKind.Heic },
        { Heif, "image/heif", UploadKind.Heif },
        { Pdf, "application/pdf", UploadKind.Pdf },
        { Jpeg, null, UploadKind.Jpeg },                        // no claim: the bytes decide
        { Heic, "application/octet-stream", UploadKind.Heic },  // what some phones send for HEIC
        { Heic, "image/heif", UploadKind.Heic },                // HEIC is a HEIF; phones use either name
        { Jpeg, "IMAGE/JPEG; charset=binary", UploadKind.Jpeg },
    };

    [Theory, MemberData(nameof(AllowedFiles))]
    public void Each_allowed_kind_is_recognised_from_its_magic_bytes(byte[] head, string? declared, UploadKind expected)
    {
        var result = AllowedUpload.Check(head, 1024, declared, Limits);
        Assert.False(result.IsError, result.Error?.Code);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Kinds_carry_canonical_type_extension_and_photo_flag()
    {
        Assert.Equal(("image/jpeg", ".jpg", true), (UploadKind.Jpeg.ContentType, UploadKind.Jpeg.Extension, UploadKind.Jpeg.IsPhoto));
        Assert.Equal(("application/pdf", ".pdf", false), (UploadKind.Pdf.ContentType, UploadKind.Pdf.Extension, UploadKind.Pdf.IsPhoto));
    }

    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("application/pdf")]
    [InlineData("image/gif")]
    public void A_png_declared_as_something_else_is_refused(string declared) =>
        AssertRefused(AllowedUpload.Check(Png, 1024, declared, Limits), "file.type_not_allowed");

    public static TheoryData<byte[]> ForeignFiles => new()
    {
        { [.."PK"u8, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00] },          // zip (and docx, xlsx, apk)
        { [.."MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00] },           // Windows .exe
        { [.."GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00] },
        { [0x00, 0x00, 0x00, 0x1C, .."ftypavif"u8, 0x00, 0x00, 0x00, 0x00, .."mif1avif"u8] }, // AVIF lists mif1 only as compatible
        { [.."RIFF"u8, 0x24, 0x00, 0x00, 0x00, .."WAVEfmt "u8] },
        { "<html><script>"u8.ToArray() },
        { [0xFF, 0xD8] },                                                                     // too short to be a JPEG
    };

    [Theory, MemberData(nameof(ForeignFiles))]
    public void Other_files_are_refused_whatever_they_claim(byte[] head)
    {
        AssertRefused(AllowedUpload.Check(head, 1024, "image/jpeg", Limits), "file.type_not_allowed");
        AssertRefused(AllowedUpload.Check(head, 1024, null, Limits), "file.type_not_allowed");
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var result = AllowedUpload.Check([], 0, "image/jpeg", Limits);
        AssertRefused(result, "file.empty");
        Assert.Equal("文件为空。", result.Error!.Message);
    }

    [Fact]
    public void A_photo_over_the_limit_is_refused_and_the_message_names_the_limit()
    {
        Assert.False(AllowedUpload.Check(Jpeg, Limits.MaxPhotoBytes, "image/jpeg", Limits).IsError);
        var result = AllowedUpload.Check(Jpeg, Limits.MaxPhotoBytes + 1, "image/jpeg", Limits);
        AssertRefused(result, "file.too_large");
        Assert.Equal("文件过大：照片不超过10MB。", result.Error!.Message);
    }

    [Fact]
    public void A_document_has_its_own_limit()
    {
        Assert.False(AllowedUpload.Check(Pdf, Limits.MaxPhotoBytes + 1, "application/pdf", Limits).IsError);
        var result = AllowedUpload.Check(Pdf, Limits.MaxDocumentBytes + 1, "application/pdf", Limits);
        AssertRefused(result, "file.too_large");
        Assert.Equal("文件过大：PDF 文件不超过20MB。", result.Error!.Message);
    }

    [Fact]
    public void The_message_follows_a_configured_limit()
    {
        var small = new UploadLimits { MaxPhotoBytes = 5 * 1024 * 1024 };
        Assert.Equal("文件过大：照片不超过5MB。", AllowedUpload.Check(Png, small.MaxPhotoBytes + 1, null, small).Error!.Message);
    }

    [Fact]
    public void More_files_than_a_transition_takes_are_refused()
    {
        Assert.Null(AllowedUpload.CheckCount(Limits.MaxFilesPerTransition, Limits));
        var error = AllowedUpload.CheckCount(Limits.MaxFilesPerTransition + 1, Limits);
        Assert.Equal("file.too_many", error?.Code);
        Assert.Contains("9", error!.Message);
    }

    static void AssertRefused(CivicGrid.Shared.Result<UploadKind> result, string code)
    {
        Assert.True(result.IsError);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(422, result.Error.Status);
    }
}
