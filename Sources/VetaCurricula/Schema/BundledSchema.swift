// Generated from Schemas/curriculum.xsd by `make embed-schema`. Do not edit.
// A test checks that it matches the file byte for byte.
enum BundledSchema {
    static let path = "Schemas/curriculum.xsd"
    static let text = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!--
  Veta curriculum format, version 1.1 (same namespace as 1.0: every 1.0 document is a 1.1
  document; 1.1 adds only optional elements: <dc3>, a unit's <foundationSkills> and
  <rangeOfConditions>, a knowledge item's <point>s, performance evidence's <requirement>s (whose
  occasions then leave <performanceEvidence>, where the attribute became optional), a
  <notStatedInSource/> marker in place of a unit's knowledge evidence or assessment conditions and a
  <notYetTranscribed/> marker (drafts only) in place of those or of an element's criteria, a unit's
  <provenance> and <supersedes> (the earlier unit it replaces), and lets a bilingual text leave out one
  language, which Veta's rules allow only in a draft).
  XSD 1.0 (libxml2 implements XSD 1.0; no 1.1 assertions). Cross-field rules that XSD 1.0
  cannot express (unique codes across units, prerequisite cycles, numbering, packaging
  satisfiability, hours) are Veta's semantic rules: see Schemas/RULES.md.
-->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns="urn:veta:curriculum:1"
           targetNamespace="urn:veta:curriculum:1"
           elementFormDefault="qualified"
           attributeFormDefault="unqualified"
           version="1.1.0">

  <xs:annotation>
    <xs:documentation xml:lang="en">
      A standardized training curriculum for the mining industry: identity and status, bilingual
      (Spanish and English) titles, classification (level, framework levels, SCIAN sector, SINCO
      occupations), recertification, volume of learning, references to external standards, units
      of competency (elements, performance criteria, evidence, assessment conditions) and the
      packaging rules that say which units make a complete curriculum.
    </xs:documentation>
    <xs:documentation xml:lang="es">
      Un plan de capacitación estandarizado para la industria minera: identidad y estado, títulos
      bilingües, clasificación, recertificación, volumen de aprendizaje, referencias a estándares
      externos, unidades de competencia y reglas de integración.
    </xs:documentation>
  </xs:annotation>

  <!-- ===================================================================== simple types -->

  <xs:simpleType name="Code">
    <xs:annotation>
      <xs:documentation>A curriculum or unit code: 1 to 12 uppercase letters or digits, e.g. RIIMPO338E.</xs:documentation>
    </xs:annotation>
    <xs:restriction base="xs:string">
      <xs:pattern value="[A-Z0-9]{1,12}"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="SemanticVersion">
    <xs:annotation>
      <xs:documentation>A semantic version MAJOR.MINOR.PATCH, e.g. 1.2.0.</xs:documentation>
    </xs:annotation>
    <xs:restriction base="xs:string">
      <xs:pattern value="(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Level">
    <xs:annotation>
      <xs:documentation>The occupational level the curriculum prepares for.</xs:documentation>
    </xs:annotation>
    <xs:restriction base="xs:string">
      <xs:enumeration value="operator"/>
      <xs:enumeration value="technician"/>
      <xs:enumeration value="supervisor"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Status">
    <xs:annotation>
      <xs:documentation>draft (not for use), current (in use) or superseded (replaced by a newer version).</xs:documentation>
    </xs:annotation>
    <xs:restriction base="xs:string">
      <xs:enumeration value="draft"/>
      <xs:enumeration value="current"/>
      <xs:enumeration value="superseded"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Framework">
    <xs:annotation>
      <xs:documentation>A qualifications framework: CONOCER (Mexico, levels 1-5) or AQF (Australia, levels 1-10).</xs:documentation>
    </xs:annotation>
    <xs:restriction base="xs:string">
      <xs:enumeration value="CONOCER"/>
      <xs:enumeration value="AQF"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="ReferenceKind">
    <xs:annotation>
      <xs:documentation>
        ec: a CONOCER Estándar de Competencia (EC0391 or EC0391.01); nom: a Mexican official norm
        clause (NOM-023-STPS-2012); unit: a unit of competency from a training package (RIIWHS201E);
        other: any other cited standard.
      </xs:documentation>
    </xs:annotation>
    <xs:restriction base="xs:string">
      <xs:enumeration value="ec"/>
      <xs:enumeration value="nom"/>
      <xs:enumeration value="unit"/>
      <xs:enumeration value="other"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="ElementNumber">
    <xs:restriction base="xs:positiveInteger">
      <xs:maxInclusive value="99"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="CriterionNumber">
    <xs:annotation>
      <xs:documentation>A performance criterion number ELEMENT.N, e.g. 2.3 (third criterion of element 2).</xs:documentation>
    </xs:annotation>
    <xs:restriction base="xs:string">
      <xs:pattern value="[1-9][0-9]?\.[1-9][0-9]?"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Hours">
    <xs:annotation>
      <xs:documentation>Nominal hours, a whole number from 0 to 10000.</xs:documentation>
    </xs:annotation>
    <xs:restriction base="xs:nonNegativeInteger">
      <xs:maxInclusive value="10000"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="NonEmptyText">
    <xs:annotation>
      <xs:documentation>Text with at least one non-space character, at most 4000 characters after collapsing spaces.</xs:documentation>
    </xs:annotation>
    <xs:restriction base="xs:token">
      <xs:minLength value="1"/>
      <xs:maxLength value="4000"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Title">
    <xs:restriction base="NonEmptyText">
      <xs:maxLength value="200"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Identifier">
    <xs:annotation>
      <xs:documentation>A short identifier for knowledge items and elective groups, e.g. K3 or A.</xs:documentation>
    </xs:annotation>
    <xs:restriction base="xs:string">
      <xs:pattern value="[A-Za-z0-9][A-Za-z0-9_-]{0,15}"/>
    </xs:restriction>
  </xs:simpleType>

  <!-- ===================================================================== bilingual text -->

  <xs:complexType name="LocalizedText">
    <xs:annotation>
      <xs:documentation>
        Text in Spanish (es) and English (en), in that order. (1.1) One of the two may be missing:
        a draft may be written in one language; Veta's rule VETA-R020 requires both in a current
        or superseded curriculum, and VETA-R021 lists a draft's texts that still need a translation.
      </xs:documentation>
    </xs:annotation>
    <xs:choice>
      <xs:sequence>
        <xs:element name="es" type="NonEmptyText"/>
        <xs:element name="en" type="NonEmptyText" minOccurs="0"/>
      </xs:sequence>
      <xs:element name="en" type="NonEmptyText"/>
    </xs:choice>
  </xs:complexType>

  <xs:complexType name="LocalizedTitle">
    <xs:annotation>
      <xs:documentation>
        A title in Spanish (es) and English (en), at most 200 characters each; (1.1) like
        LocalizedText, one of the two may be missing in a draft.
      </xs:documentation>
    </xs:annotation>
    <xs:choice>
      <xs:sequence>
        <xs:element name="es" type="Title"/>
        <xs:element name="en" type="Title" minOccurs="0"/>
      </xs:sequence>
      <xs:element name="en" type="Title"/>
    </xs:choice>
  </xs:complexType>

  <xs:complexType name="NotStated">
    <xs:annotation>
      <xs:documentation>
        (1.1) An empty marker: &lt;notStatedInSource/&gt; says the published source states no such text
        (distinct from text the institution wrote); &lt;notYetTranscribed/&gt; says the source has it but
        it is not transcribed yet, which Veta's rule VETA-R023 allows only in a draft.
      </xs:documentation>
    </xs:annotation>
  </xs:complexType>

  <xs:complexType name="StatedText">
    <xs:annotation>
      <xs:documentation>
        (1.1) A bilingual text as LocalizedText, or, when the published source does not state it,
        the empty marker &lt;notStatedInSource/&gt; instead, or in a draft &lt;notYetTranscribed/&gt;
        when the source states it but it is not transcribed yet (VETA-R023).
      </xs:documentation>
    </xs:annotation>
    <xs:choice>
      <xs:sequence>
        <xs:element name="es" type="NonEmptyText"/>
        <xs:element name="en" type="NonEmptyText" minOccurs="0"/>
      </xs:sequence>
      <xs:element name="en" type="NonEmptyText"/>
      <xs:element name="notStatedInSource" type="NotStated"/>
      <xs:element name="notYetTranscribed" type="NotStated"/>
    </xs:choice>
  </xs:complexType>

  <!-- ===================================================================== curriculum -->

  <xs:element name="curriculum" type="Curriculum">
    <xs:annotation>
      <xs:documentation>The root element: one curriculum per file.</xs:documentation>
    </xs:annotation>
  </xs:element>

  <xs:complexType name="Curriculum">
    <xs:sequence>
      <xs:element name="title" type="LocalizedTitle"/>
      <xs:element name="description" type="LocalizedText"/>
      <xs:element name="source" type="Source">
        <xs:annotation>
          <xs:documentation>The published standards this curriculum was transcribed from.</xs:documentation>
        </xs:annotation>
      </xs:element>
      <xs:element name="frameworkLevels" type="FrameworkLevels" minOccurs="0"/>
      <xs:element name="sector" type="Sector"/>
      <xs:element name="occupations" type="Occupations"/>
      <xs:element name="issuingBody" type="NonEmptyText"/>
      <xs:element name="published" type="xs:date"/>
      <xs:element name="supersedes" type="Supersedes" minOccurs="0"/>
      <xs:element name="recertification" type="Recertification" minOccurs="0"/>
      <xs:element name="volumeOfLearning" type="VolumeOfLearning"/>
      <xs:element name="references" type="References" minOccurs="0"/>
      <xs:element name="units" type="Units"/>
      <xs:element name="packaging" type="Packaging"/>
      <xs:element name="dc3" type="DC3" minOccurs="0">
        <xs:annotation>
          <xs:documentation>
            (1.1) What the STPS DC-3 constancia needs that the units do not say. Without it the
            DC-3 derives the thematic area from the units and names the course by code and title.
          </xs:documentation>
        </xs:annotation>
      </xs:element>
    </xs:sequence>
    <xs:attribute name="code" type="Code" use="required"/>
    <xs:attribute name="version" type="SemanticVersion" use="required"/>
    <xs:attribute name="level" type="Level" use="required"/>
    <xs:attribute name="status" type="Status" use="required"/>
  </xs:complexType>

  <xs:complexType name="DC3">
    <xs:annotation>
      <xs:documentation>
        (1.1) The DC-3 programme fields: the thematic area from the STPS catalogue of áreas
        temáticas (its key in key, its name as the text, e.g. key="6000" Seguridad) and the course
        name exactly as it must appear on the form (Spanish, at most 200 characters).
      </xs:documentation>
    </xs:annotation>
    <xs:sequence>
      <xs:element name="thematicArea">
        <xs:complexType>
          <xs:simpleContent>
            <xs:extension base="Title">
              <xs:attribute name="key" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:pattern value="[0-9]{4}"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
            </xs:extension>
          </xs:simpleContent>
        </xs:complexType>
      </xs:element>
      <xs:element name="courseName" type="Title"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Source">
    <xs:sequence>
      <xs:element name="citation" maxOccurs="unbounded">
        <xs:annotation>
          <xs:documentation>One published source: its title and release in the text, its address in href.</xs:documentation>
        </xs:annotation>
        <xs:complexType>
          <xs:simpleContent>
            <xs:extension base="NonEmptyText">
              <xs:attribute name="href" type="xs:anyURI"/>
              <xs:attribute name="release" type="xs:string"/>
            </xs:extension>
          </xs:simpleContent>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="FrameworkLevels">
    <xs:sequence>
      <xs:element name="frameworkLevel" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="framework" type="Framework" use="required"/>
          <xs:attribute name="level" use="required">
            <xs:simpleType>
              <xs:restriction base="xs:positiveInteger">
                <xs:maxInclusive value="10"/>
              </xs:restriction>
            </xs:simpleType>
          </xs:attribute>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Sector">
    <xs:annotation>
      <xs:documentation>The economic sector in Mexico's SCIAN classification (2 to 6 digits), e.g. 212 mining.</xs:documentation>
    </xs:annotation>
    <xs:simpleContent>
      <xs:extension base="NonEmptyText">
        <xs:attribute name="scian" use="required">
          <xs:simpleType>
            <xs:restriction base="xs:string">
              <xs:pattern value="[0-9]{2,6}"/>
            </xs:restriction>
          </xs:simpleType>
        </xs:attribute>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>

  <xs:complexType name="Occupations">
    <xs:annotation>
      <xs:documentation>Occupations in Mexico's SINCO catalogue (4 digits).</xs:documentation>
    </xs:annotation>
    <xs:sequence>
      <xs:element name="occupation" maxOccurs="unbounded">
        <xs:complexType>
          <xs:simpleContent>
            <xs:extension base="NonEmptyText">
              <xs:attribute name="sinco" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:pattern value="[0-9]{4}"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
            </xs:extension>
          </xs:simpleContent>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Supersedes">
    <xs:annotation>
      <xs:documentation>The earlier curriculum version this one replaces, and whether the two are equivalent.</xs:documentation>
    </xs:annotation>
    <xs:attribute name="code" type="Code" use="required"/>
    <xs:attribute name="version" type="SemanticVersion" use="required"/>
    <xs:attribute name="equivalent" use="required">
      <xs:simpleType>
        <xs:restriction base="xs:string">
          <xs:enumeration value="yes"/>
          <xs:enumeration value="no"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:attribute>
  </xs:complexType>

  <xs:complexType name="Recertification">
    <xs:annotation>
      <xs:documentation>How long a completion stays valid, and the refresher training that renews it.</xs:documentation>
    </xs:annotation>
    <xs:attribute name="validityMonths" use="required">
      <xs:simpleType>
        <xs:restriction base="xs:positiveInteger">
          <xs:maxInclusive value="120"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:attribute>
    <xs:attribute name="refresherHours" type="Hours"/>
  </xs:complexType>

  <xs:complexType name="VolumeOfLearning">
    <xs:annotation>
      <xs:documentation>Total nominal hours of the curriculum; must lie between the core units' hours plus the cheapest valid choice of electives and the core plus the dearest (packaging rules, VETA-R008).</xs:documentation>
    </xs:annotation>
    <xs:attribute name="hours" type="Hours" use="required"/>
  </xs:complexType>

  <xs:complexType name="References">
    <xs:sequence>
      <xs:element name="reference" maxOccurs="unbounded">
        <xs:annotation>
          <xs:documentation>An external standard the curriculum satisfies or aligns to.</xs:documentation>
        </xs:annotation>
        <xs:complexType>
          <xs:simpleContent>
            <xs:extension base="NonEmptyText">
              <xs:attribute name="kind" type="ReferenceKind" use="required"/>
              <xs:attribute name="code" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:pattern value="[A-Za-z0-9][A-Za-z0-9.\-]{0,39}"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
              <xs:attribute name="clause">
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:pattern value="[0-9]+(\.[0-9]+)*"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
            </xs:extension>
          </xs:simpleContent>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>

  <!-- ===================================================================== units -->

  <xs:complexType name="Units">
    <xs:sequence>
      <xs:element name="unit" type="Unit" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Unit">
    <xs:annotation>
      <xs:documentation>A unit of competency: elements with performance criteria, evidence and assessment conditions.</xs:documentation>
    </xs:annotation>
    <xs:sequence>
      <xs:element name="title" type="LocalizedTitle"/>
      <xs:element name="application" type="LocalizedText" minOccurs="0"/>
      <xs:element name="prerequisites" minOccurs="0">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="prerequisite" maxOccurs="unbounded">
              <xs:complexType>
                <xs:attribute name="unit" type="Code" use="required"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="element" type="Element" maxOccurs="unbounded"/>
      <xs:element name="foundationSkills" type="FoundationSkills" minOccurs="0"/>
      <xs:element name="rangeOfConditions" type="RangeOfConditions" minOccurs="0"/>
      <xs:element name="performanceEvidence" type="PerformanceEvidence"/>
      <xs:element name="knowledgeEvidence" type="KnowledgeEvidence"/>
      <xs:element name="assessmentConditions" type="StatedText"/>
      <xs:element name="provenance" type="Provenance" minOccurs="0"/>
      <xs:element name="supersedes" type="UnitSupersedes" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="code" type="Code" use="required"/>
    <xs:attribute name="hours" type="Hours" use="required"/>
    <xs:attribute name="safetyCritical" type="xs:boolean" default="false">
      <xs:annotation>
        <xs:documentation>true for a safety or risk-management unit (work safely, risk control, emergency response).</xs:documentation>
      </xs:annotation>
    </xs:attribute>
  </xs:complexType>

  <xs:simpleType name="UnitPart">
    <xs:annotation>
      <xs:documentation>(1.1) A part of a unit whose text a provenance says is verbatim or written by the institution.</xs:documentation>
    </xs:annotation>
    <xs:restriction base="xs:string">
      <xs:enumeration value="title"/>
      <xs:enumeration value="application"/>
      <xs:enumeration value="elements"/>
      <xs:enumeration value="foundationSkills"/>
      <xs:enumeration value="rangeOfConditions"/>
      <xs:enumeration value="performanceEvidence"/>
      <xs:enumeration value="knowledgeEvidence"/>
      <xs:enumeration value="assessmentConditions"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:complexType name="UnitSupersedes">
    <xs:annotation>
      <xs:documentation>
        (1.1) The earlier unit this one supersedes (e.g. RIICCM201E supersedes RIICCM201D), and whether
        the two are equivalent, as the training package's mapping says. veta diff reports a curriculum
        that swaps the earlier unit for this one as a supersession (minor when equivalent, major
        otherwise); veta migrate carries the earlier unit's evidence over when equivalent and names the
        unit as needing reassessment when not. Rule VETA-R025 checks the unit named.
      </xs:documentation>
    </xs:annotation>
    <xs:attribute name="unit" type="Code" use="required"/>
    <xs:attribute name="equivalent" use="required">
      <xs:simpleType>
        <xs:restriction base="xs:string">
          <xs:enumeration value="yes"/>
          <xs:enumeration value="no"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:attribute>
  </xs:complexType>

  <xs:complexType name="Provenance">
    <xs:annotation>
      <xs:documentation>
        (1.1) Where a unit comes from: kind (trainingPackage, e.g. RII; standard, e.g. a CONOCER EC;
        institution, written by the issuing body), the package or framework (RII, CONOCER), the unit's
        code and release in the source, the published source (citation), the language the source is
        in, and which parts are verbatim from it (in that language) and which the institution wrote.
        Translations into the other language are the institution's. Rule VETA-R024 checks that no
        part is both, none is named twice, and that a trainingPackage or standard names its code.
      </xs:documentation>
    </xs:annotation>
    <xs:sequence>
      <xs:element name="citation" minOccurs="0">
        <xs:complexType>
          <xs:simpleContent>
            <xs:extension base="NonEmptyText">
              <xs:attribute name="href" type="xs:anyURI"/>
            </xs:extension>
          </xs:simpleContent>
        </xs:complexType>
      </xs:element>
      <xs:element name="verbatim" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="part" type="UnitPart" use="required"/>
        </xs:complexType>
      </xs:element>
      <xs:element name="written" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="part" type="UnitPart" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
    <xs:attribute name="kind" use="required">
      <xs:simpleType>
        <xs:restriction base="xs:string">
          <xs:enumeration value="trainingPackage"/>
          <xs:enumeration value="standard"/>
          <xs:enumeration value="institution"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:attribute>
    <xs:attribute name="package">
      <xs:simpleType>
        <xs:restriction base="xs:string">
          <xs:pattern value="[A-Za-z0-9][A-Za-z0-9.\-]{0,15}"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:attribute>
    <xs:attribute name="code">
      <xs:simpleType>
        <xs:restriction base="xs:string">
          <xs:pattern value="[A-Za-z0-9][A-Za-z0-9.\-]{0,39}"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:attribute>
    <xs:attribute name="release">
      <xs:simpleType>
        <xs:restriction base="xs:string">
          <xs:pattern value="[A-Za-z0-9][A-Za-z0-9.\-]{0,15}"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:attribute>
    <xs:attribute name="language">
      <xs:simpleType>
        <xs:restriction base="xs:string">
          <xs:enumeration value="es"/>
          <xs:enumeration value="en"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:attribute>
  </xs:complexType>

  <xs:complexType name="Element">
    <xs:annotation>
      <xs:documentation>An element of competency, numbered 1, 2, 3 ... within its unit.</xs:documentation>
    </xs:annotation>
    <xs:sequence>
      <xs:element name="title" type="LocalizedTitle"/>
      <xs:choice>
        <xs:element name="criterion" maxOccurs="unbounded">
          <xs:annotation>
            <xs:documentation>A performance criterion, numbered ELEMENT.N (1.1, 1.2 ...).</xs:documentation>
          </xs:annotation>
          <xs:complexType>
            <xs:complexContent>
              <xs:extension base="LocalizedText">
                <xs:attribute name="number" type="CriterionNumber" use="required"/>
              </xs:extension>
            </xs:complexContent>
          </xs:complexType>
        </xs:element>
        <xs:element name="notYetTranscribed" type="NotStated">
          <xs:annotation>
            <xs:documentation>(1.1) The element's criteria are not transcribed yet: only in a draft (VETA-R023).</xs:documentation>
          </xs:annotation>
        </xs:element>
      </xs:choice>
    </xs:sequence>
    <xs:attribute name="number" type="ElementNumber" use="required"/>
  </xs:complexType>

  <xs:complexType name="FoundationSkills">
    <xs:annotation>
      <xs:documentation>
        (1.1) The unit's foundation skills: each skill (e.g. Reading, Numeracy) and what it means
        for performance in this unit. Absent when the source states none.
      </xs:documentation>
    </xs:annotation>
    <xs:sequence>
      <xs:element name="skill" maxOccurs="unbounded">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="name" type="LocalizedTitle"/>
            <xs:element name="description" type="LocalizedText"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="RangeOfConditions">
    <xs:annotation>
      <xs:documentation>
        (1.1) The unit's range of conditions: each variable (a term of the performance criteria)
        and what it means or includes in this unit. Absent when the source has none.
      </xs:documentation>
    </xs:annotation>
    <xs:sequence>
      <xs:element name="variable" maxOccurs="unbounded">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="name" type="LocalizedTitle"/>
            <xs:element name="meaning" type="LocalizedText"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="PerformanceEvidence">
    <xs:annotation>
      <xs:documentation>
        What the candidate must demonstrate, and on how many occasions (satisfactory observations on
        different dates). occasions is a count; Veta's rule VETA-R011 requires at least 1. (1.1) The
        text may be a heading followed by one or more requirements, each with its own id and
        occasions; then the occasions belong to the requirements and the heading has none (rule
        VETA-R022: occasions on the heading or on every requirement, never both, never neither). In a
        draft, &lt;notYetTranscribed/&gt; may stand in place of the whole text (VETA-R023).
      </xs:documentation>
    </xs:annotation>
    <xs:choice>
      <xs:sequence>
        <xs:choice>
          <xs:sequence>
            <xs:element name="es" type="NonEmptyText"/>
            <xs:element name="en" type="NonEmptyText" minOccurs="0"/>
          </xs:sequence>
          <xs:element name="en" type="NonEmptyText"/>
        </xs:choice>
        <xs:element name="requirement" type="PerformanceRequirement" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
      <xs:element name="notYetTranscribed" type="NotStated"/>
    </xs:choice>
    <xs:attribute name="occasions" type="xs:nonNegativeInteger"/>
  </xs:complexType>

  <xs:complexType name="PerformanceRequirement">
    <xs:annotation>
      <xs:documentation>
        (1.1) One performance requirement ("conducted rigid haul truck operations on at least two
        occasions"): an id unique among the unit's requirements (P1, P2 ...) that evidence can name,
        and the number of satisfactory occasions, each on a different date, it needs on its own.
      </xs:documentation>
    </xs:annotation>
    <xs:complexContent>
      <xs:extension base="LocalizedText">
        <xs:attribute name="id" type="Identifier" use="required"/>
        <xs:attribute name="occasions" type="xs:nonNegativeInteger" use="required"/>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>

  <xs:complexType name="KnowledgeEvidence">
    <xs:choice>
      <xs:element name="notStatedInSource" type="NotStated">
        <xs:annotation>
          <xs:documentation>(1.1) The published source states no knowledge evidence for this unit.</xs:documentation>
        </xs:annotation>
      </xs:element>
      <xs:element name="notYetTranscribed" type="NotStated">
        <xs:annotation>
          <xs:documentation>(1.1) The source states knowledge evidence, not transcribed yet: only in a draft (VETA-R023).</xs:documentation>
        </xs:annotation>
      </xs:element>
      <xs:element name="item" maxOccurs="unbounded">
        <xs:annotation>
          <xs:documentation>
            One thing the candidate must know, with an id unique in its unit (K1, K2 ...). (1.1) An
            item may be a heading ("key policies and procedures, including:") followed by its points,
            each with its own id, unique in the unit like the items' (K2a, K2b ...).
          </xs:documentation>
        </xs:annotation>
        <xs:complexType>
          <xs:complexContent>
            <xs:extension base="LocalizedText">
              <xs:sequence>
                <xs:element name="point" type="KnowledgePoint" minOccurs="0" maxOccurs="unbounded"/>
              </xs:sequence>
              <xs:attribute name="id" type="Identifier" use="required"/>
            </xs:extension>
          </xs:complexContent>
        </xs:complexType>
      </xs:element>
    </xs:choice>
  </xs:complexType>

  <xs:complexType name="KnowledgePoint">
    <xs:annotation>
      <xs:documentation>
        (1.1) One point under a knowledge item's heading, assessable on its own: evidence names it by
        its id; evidence naming the item covers all of its points.
      </xs:documentation>
    </xs:annotation>
    <xs:complexContent>
      <xs:extension base="LocalizedText">
        <xs:attribute name="id" type="Identifier" use="required"/>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>

  <!-- ===================================================================== packaging -->

  <xs:complexType name="Packaging">
    <xs:annotation>
      <xs:documentation>
        Which units make a complete curriculum: totalUnits in all, the listed core units, and
        electives chosen from groups (each with min and optional max). externalElectives is how
        many electives may come from outside this curriculum.
      </xs:documentation>
    </xs:annotation>
    <xs:sequence>
      <xs:element name="core">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="unitRef" type="UnitRef" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="electiveGroup" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="unitRef" type="UnitRef" maxOccurs="unbounded"/>
          </xs:sequence>
          <xs:attribute name="id" type="Identifier" use="required"/>
          <xs:attribute name="min" type="xs:nonNegativeInteger" use="required"/>
          <xs:attribute name="max" type="xs:nonNegativeInteger"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
    <xs:attribute name="totalUnits" type="xs:positiveInteger" use="required"/>
    <xs:attribute name="externalElectives" type="xs:nonNegativeInteger" default="0"/>
  </xs:complexType>

  <xs:complexType name="UnitRef">
    <xs:attribute name="code" type="Code" use="required"/>
  </xs:complexType>

</xs:schema>
"""#
}
