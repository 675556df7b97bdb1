using System.CommandLine;
using DeepFm.Notebook.Parameters;
using DeepFm.Samples.Predict;

// Loads the DeepFM weights notebook 04 saves and lists, for one user, the movies the model thinks they would rate
// 4 or 5 stars. Trains nothing. From the repository root:
//   dotnet run -c Release --project samples/Predict -- --user 42 --top 10
// The work is in PredictCommand.Run; this file only reads the command line.
var checkpointOption = new Option<string>("--checkpoint")
{
    Description = "The weights notebook 04 saves.",
    DefaultValueFactory = _ => PredictCommand.DefaultCheckpoint,
};
var dataOption = new Option<string?>("--data")
{
    Description = "MovieLens-100k: ml-100k.zip or its folder "
        + "(default: DEEPFM_DATA, else the download cache, or a download).",
    DefaultValueFactory = _ => NotebookParameters.DataPath(),   // DEEPFM_DATA, read here and passed down as a path
};
var userOption = new Option<string>("--user") { Description = "A user_id of MovieLens-100k (1 to 943).", DefaultValueFactory = _ => "1" };
var topOption = new Option<int>("--top") { Description = "How many movies to list.", DefaultValueFactory = _ => 5 };
var root = new RootCommand("Predicts with the DeepFM checkpoint of notebook 04: the movies a user has not rated that they "
    + "would most likely rate 4 or 5 stars.")
{
    checkpointOption, dataOption, userOption, topOption,
};
root.SetAction(parsed => PredictCommand.Run(parsed.GetValue(checkpointOption)!, parsed.GetValue(dataOption),
    parsed.GetValue(userOption)!, parsed.GetValue(topOption), Console.Out, Console.Error));
return root.Parse(args).Invoke();
