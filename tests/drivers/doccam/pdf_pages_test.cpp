// Pages into one PDF: JPEG encoding, the PDF's bytes, its pages read back by poppler's pdfinfo
// and pdfimages (each page one JPEG of the page's size; A4 pages, or the image's own aspect
// ratio fitted into A4), libharu's buffers wiped, bad input refused.

#include "drivers/doccam/page_crop.h"
#include "drivers/doccam/pdf_pages.h"
#include "tests/drivers/doccam/synthetic_page.h"
#include "tests/support/temp_dir.h"

#include <array>
#include <atomic>
#include <cstdio>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <opencv2/imgcodecs.hpp>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace hall::drivers::doccam;
using hall::drivers::SecureBytes;
using hall::testing::viewOf;

namespace {

std::string run(const std::string& tool, const std::string& arguments) {
    REQUIRE_MESSAGE(std::filesystem::exists(tool),
                    "poppler's tools not found: install poppler-utils (scripts/bootstrap.sh)");
    const std::string command = tool + " " + arguments + " 2>&1";
    std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), &pclose);
    REQUIRE(pipe);
    std::string out;
    std::array<char, 512> buffer{};
    while (std::fgets(buffer.data(), int(buffer.size()), pipe.get()))
        out += buffer.data();
    return out;
}

// Test data only (drawn pages, no one's papers): the library itself never writes a file.
std::filesystem::path save(const hall::testing::TempDir& dir, const SecureBytes& pdf) {
    const std::filesystem::path path = dir.file("pages.pdf");
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(pdf.bytes().data()), std::streamsize(pdf.size()));
    return path;
}

std::vector<JpegPage> twoPages() {
    const hall::testing::PhotographedPage shot = hall::testing::photographPage();
    std::vector<JpegPage> pages;
    const PageCrop portrait = cropPage(viewOf(shot.image));
    REQUIRE(portrait.found());
    pages.push_back(encodeJpeg(portrait.page.view(), 85));
    // A landscape page: the desk, as when no page was found.
    pages.push_back(encodeJpeg(viewOf(hall::testing::emptyDesk({1200, 800})), 85));
    return pages;
}

std::vector<std::pair<double, double>> pageSizes(const std::string& pdfinfo) {
    std::vector<std::pair<double, double>> sizes;
    static const std::regex size(R"(Page +\d+ size: +([0-9.]+) x ([0-9.]+) pts)");
    for (std::sregex_iterator it(pdfinfo.begin(), pdfinfo.end(), size), end; it != end; ++it)
        sizes.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
    return sizes;
}

std::atomic<std::size_t> wipedBytes{0};
void countWipe(const void*, std::size_t size) noexcept {
    wipedBytes += size;
}

} // namespace

TEST_CASE("JPEG pages: the size kept, the quality chosen") {
    const hall::testing::PhotographedPage shot = hall::testing::photographPage();
    const JpegPage good = encodeJpeg(viewOf(shot.image), 95);
    const JpegPage small = encodeJpeg(viewOf(shot.image), 30);
    CHECK(good.width == 1600);
    CHECK(good.height == 1200);
    REQUIRE(good.jpeg.size() > 4);
    CHECK(good.jpeg.bytes()[0] == 0xFF);
    CHECK(good.jpeg.bytes()[1] == 0xD8);
    CHECK(small.jpeg.size() < good.jpeg.size());
    const cv::Mat back = cv::imdecode(good.jpeg.bytes(), cv::IMREAD_COLOR);
    CHECK(back.cols == 1600);
    CHECK(back.rows == 1200);
    CHECK_THROWS_AS(encodeJpeg(viewOf(shot.image), 0), std::invalid_argument);
    CHECK_THROWS_AS(encodeJpeg(viewOf(shot.image), 101), std::invalid_argument);
}

TEST_CASE("two pages make a two-page PDF of A4 pages, each one JPEG") {
    const std::vector<JpegPage> pages = twoPages();
    const SecureBytes pdf = writePdf(pages);
    const std::string text(pdf.bytes().begin(), pdf.bytes().end());
    CHECK(text.rfind("%PDF-", 0) == 0);
    CHECK(text.find("%%EOF") != std::string::npos);
    // The page objects, counted in the bytes themselves ("/Type /Pages" is the tree).
    const std::regex pageObject(R"(/Type\s*/Page[^s])");
    CHECK(std::distance(std::sregex_iterator(text.begin(), text.end(), pageObject),
                        std::sregex_iterator()) == 2);

    const hall::testing::TempDir dir("doccam-pdf");
    const std::filesystem::path file = save(dir, pdf);
    const std::string info = run(HALL_PDFINFO, "-f 1 -l 2 '" + file.string() + "'");
    CAPTURE(info);
    CHECK(std::regex_search(info, std::regex(R"(Pages:\s+2\n)")));
    const auto sizes = pageSizes(info);
    REQUIRE(sizes.size() == 2);
    // Portrait A4, then landscape A4 for the landscape image.
    CHECK(sizes[0].first == doctest::Approx(595.28).epsilon(0.001));
    CHECK(sizes[0].second == doctest::Approx(841.89).epsilon(0.001));
    CHECK(sizes[1].first == doctest::Approx(841.89).epsilon(0.001));
    CHECK(sizes[1].second == doctest::Approx(595.28).epsilon(0.001));

    const std::string images = run(HALL_PDFIMAGES, "-list '" + file.string() + "'");
    CAPTURE(images);
    const std::regex row(R"(^\s*(\d+)\s+\d+\s+image\s+(\d+)\s+(\d+)\s+\w+\s+\d+\s+\d+\s+(\w+))");
    std::istringstream lines(images);
    int count = 0;
    for (std::string line; std::getline(lines, line);) {
        std::smatch match;
        if (!std::regex_search(line, match, row)) continue;
        const std::size_t index = std::size_t(std::stoi(match[1])) - 1;
        REQUIRE(index < pages.size());
        CHECK(std::stoi(match[2]) == pages[index].width);
        CHECK(std::stoi(match[3]) == pages[index].height);
        CHECK(match[4] == "jpeg");
        ++count;
    }
    CHECK(count == 2);
}

TEST_CASE("pages fitted into A4 keep their image's aspect ratio") {
    const std::vector<JpegPage> pages = twoPages();
    PdfOptions fit;
    fit.pageSize = PdfPageSize::FitToA4;
    const SecureBytes pdf = writePdf(pages, fit);
    const hall::testing::TempDir dir("doccam-pdf-fit");
    const auto sizes = pageSizes(run(HALL_PDFINFO, "-f 1 -l 2 '" + save(dir, pdf).string() + "'"));
    REQUIRE(sizes.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CAPTURE(i);
        const double aspect = double(pages[i].width) / pages[i].height;
        CHECK(sizes[i].first / sizes[i].second == doctest::Approx(aspect).epsilon(0.01));
        CHECK(std::max(sizes[i].first, sizes[i].second) <= 841.9);
        CHECK(std::min(sizes[i].first, sizes[i].second) <= 595.3);
    }
    // As large as fits: one side reaches A4's.
    CHECK((sizes[0].first == doctest::Approx(595.28).epsilon(0.001) ||
           sizes[0].second == doctest::Approx(841.89).epsilon(0.001)));
}

TEST_CASE("libharu's copies of the pages are wiped before they are freed") {
    const std::vector<JpegPage> pages = twoPages();
    std::size_t jpegBytes = 0;
    for (const JpegPage& page : pages)
        jpegBytes += page.jpeg.size();
    wipedBytes = 0;
    hall::drivers::setWipeObserver(countWipe);
    std::size_t pdfSize = 0;
    {
        const SecureBytes pdf = writePdf(pages);
        pdfSize = pdf.size();
    }
    hall::drivers::setWipeObserver(nullptr);
    // The document's memory (the embedded JPEGs and the whole written stream) and the returned
    // PDF itself: well over twice the pages' bytes.
    CHECK(wipedBytes.load() >= 2 * jpegBytes + pdfSize);
}

TEST_CASE("what cannot become a PDF is refused") {
    CHECK_THROWS_AS(writePdf({}), std::invalid_argument);
    std::vector<JpegPage> notJpeg;
    notJpeg.push_back({SecureBytes(std::vector<std::uint8_t>(64, 0x42)), 8, 8});
    CHECK_THROWS_WITH_AS(writePdf(notJpeg), "page 1 is not a JPEG", std::invalid_argument);
    std::vector<JpegPage> damaged;
    damaged.push_back({SecureBytes(std::vector<std::uint8_t>{0xFF, 0xD8, 0xFF, 0xE0, 0, 0}), 8, 8});
    CHECK_THROWS_AS(writePdf(damaged), std::invalid_argument);
    const std::vector<JpegPage> pages = twoPages();
    PdfOptions wide;
    wide.marginMm = 80;
    CHECK_THROWS_AS(writePdf(pages, wide), std::invalid_argument);
}
