using System.Globalization;
using System.Text;
using ReviewPulse.Core.Sentiment;

namespace ReviewPulse.Training.Evaluation;

/// <summary>Renders a confusion matrix as a self-contained SVG heat map (row-normalised shading, counts printed).</summary>
internal static class ConfusionMatrixImage
{
    public static string Svg(long[][] confusion, string title)
    {
        const int cell = 110, left = 120, top = 70;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{left + 3 * cell + 20}\" height=\"{top + 3 * cell + 60}\" font-family=\"sans-serif\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"24\" font-size=\"16\">{Escape(title)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + 1.5 * cell}\" y=\"{top - 30}\" text-anchor=\"middle\" font-size=\"13\">predicted</text>");
        for (var r = 0; r < 3; r++)
        {
            var total = Math.Max(1, confusion[r].Sum());
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{top + r * cell + cell / 2}\" text-anchor=\"end\" font-size=\"13\">{SentimentLabels.Names[r]}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + r * cell + cell / 2}\" y=\"{top - 8}\" text-anchor=\"middle\" font-size=\"13\">{SentimentLabels.Names[r]}</text>");
            for (var c = 0; c < 3; c++)
            {
                var share = (double)confusion[r][c] / total;
                var shade = (int)(255 - 200 * share);
                var fill = $"rgb({shade},{shade},255)";
                var ink = share > 0.5 ? "white" : "black";
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left + c * cell}\" y=\"{top + r * cell}\" width=\"{cell}\" height=\"{cell}\" fill=\"{fill}\" stroke=\"#888\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + c * cell + cell / 2}\" y=\"{top + r * cell + cell / 2}\" text-anchor=\"middle\" font-size=\"15\" fill=\"{ink}\">{confusion[r][c]}</text>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + c * cell + cell / 2}\" y=\"{top + r * cell + cell / 2 + 20}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{ink}\">{share:P1}</text>");
            }
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{top + 3 * cell + 30}\" font-size=\"12\">rows: true class; shading: share of the row</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
