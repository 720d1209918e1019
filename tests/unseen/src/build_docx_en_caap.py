"""wp_en_caap_summary_libreoffice: CAAP regular meeting summary (English), python-docx -> .docx."""

import sys

from docx_helpers import header_block, new_document, para, running_header

out = sys.argv[1] if len(sys.argv) > 1 else "wp_en_caap_summary_libreoffice.docx"
doc = new_document(font="Liberation Serif", size=11.5)
running_header(doc, "CP/CAAP-3934/24", page_style="- {PAGE} -")

header_block(
    doc,
    [
        "PERMANENT COUNCIL OF THE",
        "ORGANIZATION OF AMERICAN STATES",
        "",
        "COMMITTEE ON ADMINISTRATIVE AND",
        "BUDGETARY AFFAIRS",
    ],
    ["OEA/Ser.G", "CP/CAAP-3934/24", "4 June 2024", "Original: English"],
)
para(doc, "", space_after=18)
para(
    doc,
    "SUMMARY OF THE MEETING OF THE COMMITTEE ON ADMINISTRATIVE AND BUDGETARY AFFAIRS",
    bold=True,
    align="center",
    space_after=2,
)
para(doc, "Held on Thursday, 23 May 2024", align="center", space_after=18)

J = dict(align="justify", indent_first=1.25)

para(
    doc,
    "The Committee on Administrative and Budgetary Affairs (CAAP) met in regular session in the "
    "Simón Bolívar Room. The meeting, which had been convened for 10:00 a.m., was called to order "
    "at 10:12 a.m. It was chaired by Ambassador Clement A. Toussaint, Permanent Representative of "
    "Saint Lucia and Chair of the CAAP.",
    **J,
)
para(
    doc,
    "The quorum was established with the following Member States represented: Argentina, "
    "Barbados, Brazil, Canada, Chile, Colombia, Costa Rica, Ecuador, Guatemala, Jamaica, Mexico, "
    "Panama, Paraguay, Peru, Trinidad and Tobago, the United States, and Uruguay.",
    **J,
)

H = dict(bold=True, keep_with_next=True, space_after=6)

para(doc, "1.\tApproval of the order of business", **H)
para(
    doc,
    "The Chair submitted for the Committee’s consideration the draft order of business, "
    "document CP/CAAP-3929/24, which was approved without amendment.",
    **J,
)

para(
    doc,
    "2.\tQuarterly Report on the Management of Resources of the General Secretariat, January–March 2024",
    **H,
)
para(
    doc,
    "Mr. Darío E. Lunardi, Director of the Department of Financial and Budgetary Services, OAS "
    "Secretariat for Administration and Finance, presented the report contained in document "
    "CP/CAAP-3930/24. He noted that, as of 31 March 2024, quota collections for the Regular Fund "
    "stood at 41.6 per cent of the amount assessed for the year, compared with 38.9 per cent on the "
    "same date in 2023, and that the Secretariat expected to close the second quarter without "
    "drawing on the Working Subfund.",
    **J,
)
para(
    doc,
    "The delegations of Mexico, Brazil and the United States took the floor. Minister Counselor "
    "Renata Villaseñor Aguado, Alternate Representative of Mexico, asked that future reports "
    "disaggregate the expenditures financed through indirect cost recovery. The representative of "
    "Brazil requested information on the payment schedules agreed with Member States in arrears, "
    "and the representative of the United States welcomed the timely presentation of the report.",
    **J,
)
para(doc, "The Committee took note of the report and of the comments made by delegations.", **J)

para(doc, "3.\tPreparation of the Proposed Program-Budget for 2025", **H)
para(
    doc,
    "Ms. Harriet Okonjo-Vale, Secretary for Administration and Finance, recalled the mandates "
    "contained in resolution AG/RES. 2976 (LI-O/21) and in the guidelines adopted by the Permanent "
    "Council (CP/doc.5890/23), and presented the proposed calendar for the consideration of the "
    "2025 program-budget, set out in document CP/CAAP-3931/24 rev. 1.",
    **J,
)
para(
    doc,
    "The delegations of Canada, Chile, Paraguay and Jamaica made comments. The representative of "
    "Canada proposed that the informal working sessions begin in the first week of June, so that "
    "the Committee could complete its review before the special session of the General Assembly; "
    "the representative of Jamaica supported that proposal, while the delegations of Chile and "
    "Paraguay asked that the sessions not coincide with the meetings of the CAJP.",
    **J,
)
para(
    doc,
    "The Chair proposed that the calendar be approved with the adjustment suggested by Canada. "
    "It was so agreed.",
    **J,
)

para(doc, "4.\tOther business", **H)
para(
    doc,
    "The representative of Peru announced that her Government had made a payment towards its "
    "2024 quota the previous day. The Chair informed the Committee that its next regular meeting "
    "would be held on Thursday, 30 May 2024, at 10:00 a.m., in the same room.",
    **J,
)
para(doc, "There being no further business, the Chair adjourned the meeting at 1:07 p.m.", **J)
para(
    doc,
    "The audio recording of the meeting is available at the following link: "
    "[[https://scm.oas.org/audios/2024/CP_CAAP-05-23-2024.mp3]]",
    **J,
)
para(
    doc,
    "The documents of the meeting can be consulted in the Committee’s document repository: "
    "[[http://scm.oas.org/IDMS/Redirectpage.aspx?class=CP/CAAP&classNum=3930&lang=e]]",
    **J,
)

doc.save(out)
print("wrote", out)
