using System.Text.Json;
using Commerce.Conversation.Recognition;

namespace Commerce.Conversation.Clu;

/// <summary>
/// The body of <c>POST {endpoint}/language/:analyze-conversations</c> for a Conversation task:
/// <c>{"kind":"Conversation","analysisInput":{"conversationItem":{id,participantId,text,language}},
/// "parameters":{projectName,deploymentName,stringIndexType:"Utf16CodeUnit"}}</c>.
/// </summary>
public static class CluRequestWriter
{
    public static byte[] Write(ConversationItem item, CluOptions options)
    {
        using var buffer = new MemoryStream(256 + item.Text.Length);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", "Conversation");
            json.WriteStartObject("analysisInput");
            json.WriteStartObject("conversationItem");
            json.WriteString("id", item.Id);
            json.WriteString("participantId", item.ParticipantId);
            json.WriteString("text", item.Text);
            json.WriteString("language", item.Language);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("parameters");
            json.WriteString("projectName", options.ProjectName);
            json.WriteString("deploymentName", options.DeploymentName);
            json.WriteString("stringIndexType", "Utf16CodeUnit");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
