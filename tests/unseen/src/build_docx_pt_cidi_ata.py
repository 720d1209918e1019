"""wp_pt_cidi_ata_libreoffice: CIDI minutes (ata), Portuguese. python-docx -> .docx -> LibreOffice PDF."""

import sys

from docx.enum.text import WD_BREAK
from docx.shared import Pt
from docx_helpers import _run, header_block, new_document, para, running_header

out = sys.argv[1] if len(sys.argv) > 1 else "wp_pt_cidi_ata_libreoffice.docx"
doc = new_document(font="Liberation Sans", size=10.5, margins_cm=(2.2, 2.3, 2.0, 2.6))
running_header(doc, "CIDI/ACTA 269/24", page_style="- {PAGE} -", size=9)

header_block(
    doc,
    ["CONSELHO INTERAMERICANO DE", "DESENVOLVIMENTO INTEGRAL (CIDI)"],
    ["OEA/Ser.W", "CIDI/ACTA 269/24", "14 maio 2024", "Original: espanhol"],
    size=10,
)
para(doc, "", space_after=10)
para(doc, "ATA DA SESSÃO ORDINÁRIA", bold=True, align="center", size=12, space_after=2)
para(doc, "Realizada na terça-feira, 30 de abril de 2024", align="center", space_after=16)

J = dict(align="justify", indent_first=1.25, space_after=5)


def turn(label, text):
    p = para(doc, "", **J)
    _run(p, label, True, False, False, None, False)
    _run(p, " " + text, False, False, False, None, False)
    return p


def head(text):
    para(
        doc, text, bold=True, align="center", keep_with_next=True, space_after=8
    ).paragraph_format.space_before = Pt(10)


para(
    doc,
    "Na Sala Padilha Vidal, às 11h05 da terça-feira, 30 de abril de 2024, realizou-se a sessão "
    "ordinária do Conselho Interamericano de Desenvolvimento Integral (CIDI), presidida pelo Embaixador "
    "Desmond K. Arlington, Representante Permanente de Barbados e Presidente do CIDI. A sessão havia "
    "sido convocada para as 10h30. Estiveram presentes os seguintes membros:",
    **J,
)
for line in (
    "Embaixador Octávio Henrique Lins Barreto, Representante Permanente do Brasil e Vice-Presidente do CIDI",
    "Embaixadora Rocío Bermúdez Aranda, Representante Permanente do México",
    "Embaixador Julián Errázuriz Toro, Representante Permanente do Chile",
    "Embaixador Aníbal Rojas Garay, Representante Permanente do Paraguai",
    "Ministro Hernando Castaño Vélez, Representante Interino da Colômbia",
    "Ministra Conselheira Itzel Batres Cifuentes, Representante Interina da Guatemala",
    "Conselheiro Rafael Moura Quintão, Representante Alterno do Brasil",
    "Conselheira Valentina Sosa Irigoyen, Representante Alterna do Uruguai",
    "Conselheira Jennifer L. Ashworth, Representante Alterna dos Estados Unidos",
    "Conselheiro Marc-André Dubé, Representante Alterno do Canadá",
    "Conselheira Sade N. Richards, Representante Alterna de Trinidad e Tobago",
    "Primeiro-Secretário Devon A. McKenzie, Representante Alterno da Jamaica",
    "Primeiro-Secretário Carlos Andrés Vela Suárez, Representante Alterno do Equador",
    "Segunda-Secretária Paola Jiménez Murillo, Representante Alterna da Costa Rica",
):
    para(doc, line, left_indent=1.25, space_after=1)
para(doc, "", space_after=2)
para(
    doc,
    "Também estiveram presentes a Secretária Executiva para o Desenvolvimento Integral, Senhora "
    "Adaeze Whitfield-Moreno, e o Secretário do CIDI, Senhor Rubén Darío Lozada.",
    **J,
)

head("APROVAÇÃO DA ORDEM DO DIA")
turn(
    "O PRESIDENTE:",
    "Bom dia a todos. Declaro aberta a sessão ordinária do Conselho Interamericano de "
    "Desenvolvimento Integral, convocada para considerar os temas constantes do projeto de ordem do dia, "
    "documento CIDI/OD.269/24. Se não houver objeções, dou por aprovada a ordem do dia. Aprovada.",
)

head("RELATÓRIO SOBRE A EXECUÇÃO DO FUNDO DE COOPERAÇÃO PARA O DESENVOLVIMENTO 2023")
turn(
    "O PRESIDENTE:",
    "Passamos ao segundo tema. Tem a palavra a Secretária Executiva para o "
    "Desenvolvimento Integral, que apresentará o relatório contido no documento CIDI/doc.352/24.",
)
turn(
    "A SECRETÁRIA EXECUTIVA PARA O DESENVOLVIMENTO INTEGRAL:",
    "Obrigada, Senhor Presidente. Em 2023, o "
    "Fundo de Cooperação para o Desenvolvimento financiou 38 projetos em 21 Estados membros, com uma taxa "
    "de execução de 87%. Os projetos concentraram-se em três áreas: educação técnica e profissional, "
    "resiliência climática das pequenas economias e inclusão financeira de mulheres empreendedoras. O "
    "relatório inclui, pela primeira vez, indicadores de resultado para cada projeto, como solicitado por "
    "este Conselho. Muito obrigada.",
)
turn("O PRESIDENTE:", "Agradeço à Secretária Executiva. Tem a palavra a Representante do México.")
turn(
    "A REPRESENTANTE PERMANENTE DO MÉXICO:",
    "Gracias, señor Presidente. México agradece el informe y "
    "reconoce el esfuerzo de la Secretaría por incorporar indicadores de resultado. Quisiéramos solicitar "
    "que en el próximo informe se incluya un desglose de los costos administrativos por proyecto. Gracias.",
)
turn(
    "O REPRESENTANTE DO BRASIL:",
    "Obrigado, Senhor Presidente. O Brasil felicita a Secretaria pelo "
    "relatório e pela elevada taxa de execução. Gostaríamos de sublinhar a importância de que a próxima "
    "convocatória dê prioridade a projetos de cooperação Sul-Sul e triangular. Muito obrigado.",
)
turn(
    "A REPRESENTANTE ALTERNA DOS ESTADOS UNIDOS:",
    "Thank you, Mr. Chair. We thank the Executive "
    "Secretary for a clear and concise report. The United States supports the request made by Mexico and "
    "encourages the Secretariat to publish the project evaluations on the CIDI website. Thank you.",
)
turn(
    "O REPRESENTANTE ALTERNO DA JAMAICA:",
    "Thank you, Chair. Jamaica was a beneficiary of two of the "
    "projects under the climate resilience window, and I can attest to their impact in rural communities. "
    "Thank you.",
)
turn(
    "O PRESIDENTE:",
    "Muito obrigado. Se não houver mais pedidos da palavra, sugiro que o Conselho tome "
    "nota do relatório e das observações formuladas pelas delegações. Assim se decide.",
)

head("PROJETO DE RESOLUÇÃO “SEGURANÇA ALIMENTAR E NUTRICIONAL NAS AMÉRICAS”")
turn(
    "O PRESIDENTE:",
    "Passamos ao terceiro tema, o projeto de resolução apresentado pela Delegação do "
    "Chile, documento CIDI/doc.355/24. Tem a palavra o Embaixador do Chile.",
)
turn(
    "O REPRESENTANTE PERMANENTE DO CHILE:",
    "Gracias, Presidente. Este proyecto recoge las "
    "conclusiones del diálogo de políticas que el CIDI celebró en marzo y da seguimiento a la resolución "
    "AG/RES. 3014 (LIII-O/23). Hemos incorporado los comentarios recibidos durante las consultas "
    "informales y esperamos que pueda aprobarse por consenso. Muchas gracias.",
)
turn(
    "O REPRESENTANTE ALTERNO DO CANADÁ:",
    "Merci, Monsieur le Président. Le Canada appuie ce projet. "
    "Nous proposons simplement d’ajouter, au paragraphe 2 du dispositif, une référence à la perspective de "
    "genre. Je vous remercie.",
)
turn(
    "O PRESIDENTE:",
    "Obrigado. A Delegação do Chile aceita a proposta do Canadá? Vejo que sim. Não "
    "havendo objeções, dou por aprovado o projeto de resolução com a modificação proposta pelo Canadá. "
    "Aprovado.",
)
para(doc, "[A resolução aprovada, CIDI/RES. 365 (CXL-O/24), figura como anexo desta ata.]", **J)

head("OUTROS ASSUNTOS")
turn(
    "O PRESIDENTE:",
    "Alguma delegação deseja tratar de outro assunto? Não vejo pedidos da palavra. "
    "Lembro às delegações que a próxima sessão ordinária do CIDI será realizada em 28 de maio, às 10h00, "
    "nesta mesma sala. Não havendo outros assuntos, declaro encerrada a sessão.",
)
para(doc, "[A sessão foi encerrada às 12h48.]", **J)

# ---- annex on a new page
p = para(doc, "")
p.add_run().add_break(WD_BREAK.PAGE)
para(doc, "ANEXO", bold=True, align="right", space_after=10)
para(doc, "RESOLUÇÃO APROVADA", bold=True, align="center", space_after=14)
for line in ("OEA/Ser.W", "CIDI/RES. 365 (CXL-O/24)", "30 abril 2024", "Original: espanhol"):
    para(doc, line, left_indent=10.5, space_after=0)
para(doc, "", space_after=8)
para(doc, "CIDI/RES. 365 (CXL-O/24)", align="center", space_after=10)
para(doc, "SEGURANÇA ALIMENTAR E NUTRICIONAL NAS AMÉRICAS", bold=True, align="center", space_after=6)
para(doc, "(Aprovada na sessão realizada em 30 de abril de 2024)", align="center", space_after=14)
para(doc, "O CONSELHO INTERAMERICANO DE DESENVOLVIMENTO INTEGRAL,", space_after=8)
para(
    doc,
    "CONSIDERANDO que a insegurança alimentar moderada ou grave afeta mais de um terço da população "
    "da América Latina e do Caribe;",
    **J,
)
para(
    doc,
    "TENDO PRESENTE a resolução AG/RES. 3014 (LIII-O/23) e as conclusões do diálogo de políticas "
    "sobre segurança alimentar realizado em março de 2024,",
    **J,
)
para(doc, "RESOLVE:", space_after=8)
for n, t in (
    (
        1,
        "Reafirmar o compromisso dos Estados membros com a erradicação da fome e da má "
        "nutrição em todas as suas formas.",
    ),
    (
        2,
        "Solicitar à Secretaria Executiva para o Desenvolvimento Integral que, com perspectiva de "
        "gênero, preste assistência técnica aos Estados membros que a solicitarem na formulação de "
        "políticas de alimentação escolar.",
    ),
    (
        3,
        "Solicitar à Secretaria Executiva que informe o CIDI sobre a implementação desta resolução "
        "antes do quinquagésimo quinto período ordinário de sessões da Assembleia Geral.",
    ),
):
    para(doc, f"{n}.\t{t}", align="justify", left_indent=1.25, indent_first=-0.0, space_after=5)

doc.save(out)
print("wrote", out)
